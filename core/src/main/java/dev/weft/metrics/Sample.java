package dev.weft.metrics;

/**
 * One measured value of a metric at a moment, with its tags. Created on VU threads, read by
 * the sample pipeline's consumer; immutable.
 *
 * @param timeMillis wall-clock time of the measurement, milliseconds since the epoch
 * @param value      the value; for TIME metrics in milliseconds, for RATE metrics 0 or 1
 */
public record Sample(Metric metric, Tags tags, long timeMillis, double value) {
}
