package dev.weft.output.push;

/**
 * What a {@link PeriodicPusher} did so far.
 *
 * @param pushed         samples handed to the store
 * @param droppedOnInput samples refused because the buffer was full
 * @param failed         samples of failed pushes (or that a push reported undelivered)
 * @param failedPushes   pushes that threw
 */
public record PushStats(long pushed, long droppedOnInput, long failed, long failedPushes) {
    /** Every sample that did not reach the store. */
    public long dropped() {
        return droppedOnInput + failed;
    }
}
