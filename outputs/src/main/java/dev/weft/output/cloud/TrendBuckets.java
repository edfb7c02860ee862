package dev.weft.output.cloud;

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
 * Owned by one {@link SeriesAggregate}; not thread-safe.
 */
final class TrendBuckets {
    /** What a bucket's integer counts in: a thousandth of the value's unit. */
    static final double MIN_RESOLUTION = 0.001;
    private static final int SUB_BUCKET_BITS = 7;
    private static final int LINEAR_LIMIT = 256;

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

    /** The bucket of a value already divided by the resolution (>= 0). */
    static int bucketOf(double scaled) {
        long up = (long) Math.ceil(scaled);
        if (up < LINEAR_LIMIT) {
            return (int) up;
        }
        int shift = 63 - Long.numberOfLeadingZeros(up >>> SUB_BUCKET_BITS);
        return (shift << SUB_BUCKET_BITS) + (int) (up >>> shift);
    }

    /** The smallest scaled value that falls into {@code bucket} (inverse of {@link #bucketOf}). */
    static long lowestOf(int bucket) {
        if (bucket < LINEAR_LIMIT) {
            return bucket;
        }
        int shift = (bucket >>> SUB_BUCKET_BITS) - 1;
        return ((long) (bucket - (shift << SUB_BUCKET_BITS))) << shift;
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
