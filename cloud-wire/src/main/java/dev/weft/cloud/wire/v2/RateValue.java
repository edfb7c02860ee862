package dev.weft.cloud.wire.v2;

/** A rate over one aggregation period: how many samples, and how many of them were non-zero. */
public record RateValue(long timeSeconds, long nonzeroCount, long totalCount) implements SampleValue {
}
