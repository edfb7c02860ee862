package dev.weft.cloud.wire.v2;

/**
 * A run of consecutive non-empty buckets of a {@link TrendHdrValue}: the first span's
 * {@code offset} is its first bucket index, every later span's is the number of empty
 * buckets since the previous span ended.
 */
public record BucketSpan(long offset, long length) {
}
