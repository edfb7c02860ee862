package dev.weft.output.cloud;

import java.util.Map;

/**
 * What the cloud output has measured, delivered and lost so far; a value, read from any thread.
 *
 * @param measuredSamples   samples the output was given
 * @param sentBatches       batches the service accepted
 * @param sentSamples       samples those batches stood for
 * @param sentAggregates    per-series aggregates in them (one per series and second, fewer once merged)
 * @param confirmedSamples  samples the service said it stored, or {@code sentSamples} when its answers do not say
 * @param failedAttempts    send attempts that failed and were retried
 * @param mergedSlots       times two slots of the buffer were merged to save memory
 * @param droppedSamples    samples given up on, per reason
 * @param droppedAggregates aggregates given up on, per reason
 * @param waitingSamples    samples waiting in the buffer now
 */
public record CloudOutputStats(long measuredSamples, long sentBatches, long sentSamples, long sentAggregates,
        long confirmedSamples, long failedAttempts, long mergedSlots, Map<String, Long> droppedSamples,
        Map<String, Long> droppedAggregates, long waitingSamples) {

    /** All samples dropped, whatever the reason. */
    public long totalDroppedSamples() {
        return droppedSamples.values().stream().mapToLong(Long::longValue).sum();
    }
}
