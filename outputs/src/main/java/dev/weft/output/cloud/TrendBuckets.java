package dev.weft.output.cloud;

import dev.weft.cloud.wire.v2.K6Hdr;
import java.util.Arrays;

/**
 * A trend's values within one aggregate as counts per bucket of k6's HDR bucket scheme (the
 * scheme k6 v1 streams with the v2 metrics protocol): values are divided by a resolution of
 * 0.001 and rounded up; below 256 that integer is the bucket, above it each power of two is
 * cut into 128 buckets, so a bucket is at most 1/128 of its value wide. Negative values go to
 * an extra low counter, values past 2^63 to an extra high one.
 *
 * <p>Kept sparse as two sorted arrays (bucket, count), which is what the wire format sends and
 * costs a few bytes a bucket; a second of one series rarely fills more than a few dozen.
 * The scheme itself is {@link K6Hdr}'s, shared with the service; this class only stores.
 * Owned by one {@link SeriesAggregate}; not thread-safe.
 */
final class TrendBuckets {
    /** What a bucket's integer counts in: a thousandth of the value's unit. */
    static final double MIN_RESOLUTION = K6Hdr.DEFAULT_MIN_RESOLUTION;

    private int[] buckets = new int[2];
    private long[] counts = new long[2];
    private int size;
    private long extraLow;
    private long extraHigh;

    void add(double value) {
        double scaled = value / MIN_RESOLUTION;
        if (scaled < 0) {
            extraLow++;
            return;
        }
        if (scaled > Long.MAX_VALUE) {
            extraHigh++;
            return;
        }
        addToBucket(bucketOf(scaled), 1);
    }

    /** The bucket of a value already divided by the resolution (>= 0), as {@link K6Hdr} places it. */
    static int bucketOf(double scaled) {
        return (int) K6Hdr.bucketIndex(scaled);
    }

    private void addToBucket(int bucket, long n) {
        int at = Arrays.binarySearch(buckets, 0, size, bucket);
        if (at >= 0) {
            counts[at] += n;
            return;
        }
        int insert = -at - 1;
        if (size == buckets.length) {
            buckets = Arrays.copyOf(buckets, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
        }
        System.arraycopy(buckets, insert, buckets, insert + 1, size - insert);
        System.arraycopy(counts, insert, counts, insert + 1, size - insert);
        buckets[insert] = bucket;
        counts[insert] = n;
        size++;
    }

    void merge(TrendBuckets other) {
        for (int i = 0; i < other.size; i++) {
            addToBucket(other.buckets[i], other.counts[i]);
        }
        extraLow += other.extraLow;
        extraHigh += other.extraHigh;
    }

    /** How many distinct buckets hold values. */
    int size() {
        return size;
    }

    /** The {@code i}th filled bucket in ascending order. */
    int bucketAt(int i) {
        return buckets[i];
    }

    long countAt(int i) {
        return counts[i];
    }

    long extraLow() {
        return extraLow;
    }

    long extraHigh() {
        return extraHigh;
    }

    /** Heap bytes this holds (object and both arrays), for the output's memory budget. */
    long bytes() {
        return 40 + 16 + 4L * buckets.length + 16 + 8L * counts.length;
    }
}
