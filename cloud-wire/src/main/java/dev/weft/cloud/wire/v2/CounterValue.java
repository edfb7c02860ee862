package dev.weft.cloud.wire.v2;

/** A counter's total over one aggregation period. */
public record CounterValue(long timeSeconds, double value) implements SampleValue {
}
