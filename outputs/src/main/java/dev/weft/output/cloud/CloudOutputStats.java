package dev.weft.output.cloud;

/**
 * What the cloud output has delivered and lost so far.
 *
 * @param sentBatches         batches the service accepted
 * @param failedAttempts      send attempts that failed and were retried
 * @param droppedBatches      batches given up on (buffer full, refused, or still waiting at stop)
 * @param droppedSamples      samples those dropped batches stood for
 * @param droppedInputSamples samples dropped on input because the aggregator was far behind
 * @param waitingBatches      batches queued for sending now
 */
public record CloudOutputStats(long sentBatches, long failedAttempts, long droppedBatches, long droppedSamples,
        long droppedInputSamples, int waitingBatches) {
}
