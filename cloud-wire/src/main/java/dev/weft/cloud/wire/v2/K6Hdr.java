package dev.weft.cloud.wire.v2;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * k6's histogram for a trend over one aggregation period, in k6's bucket scheme: a value is
 * divided by the resolution (0.001, so microseconds for milliseconds) and rounded up; below
 * 256 that is the bucket index, above it each power of two is split into 128 buckets (so a
 * bucket is at most 1/128 of its value wide). Negative values go to an extra low counter,
 * values above 2^63 resolutions to an extra high one. The runner adds a period's values and
 * turns them into a {@link TrendHdrValue}; the service asks {@link #representative} for the
 * value a bucket stands for. Not thread-safe: one owner at a time.
 */
public final class K6Hdr {
    /** k6's resolution: values are bucketed in thousandths. */
    public static final double DEFAULT_MIN_RESOLUTION = 0.001;
    private static final int SUB_BUCKET_BITS = 7;
    private static final double TWO_TO_63 = 0x1p63;

    private final double minResolution;
    private final TreeMap<Long, long[]> buckets = new TreeMap<>();
    private long extraLow;
    private long extraHigh;
    private long count;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    public K6Hdr() {
        this(DEFAULT_MIN_RESOLUTION);
    }

    public K6Hdr(double minResolution) {
        if (!(minResolution > 0)) {
            throw new IllegalArgumentException("minResolution must be positive, got " + minResolution);
        }
        this.minResolution = minResolution;
    }

    /** Adds one value (NaN is ignored). */
    public void add(double value) {
        if (Double.isNaN(value)) {
            return;
        }
        count++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
        double scaled = value / minResolution;
        if (scaled < 0) {
            extraLow++;
        } else if (scaled > TWO_TO_63 || Double.isInfinite(scaled)) {
            extraHigh++;
        } else {
            buckets.computeIfAbsent(bucketIndex(scaled), i -> new long[1])[0]++;
        }
    }

    public long count() {
        return count;
    }

    /** The period's histogram as the v2 protocol carries it; an empty one has no buckets and min = max = 0. */
    public TrendHdrValue toValue(long timeSeconds) {
        long[] counters = new long[buckets.size()];
        List<BucketSpan> spans = new ArrayList<>();
        long previous = -1;
        long spanStart = 0;
        long spanOffset = 0;
        int i = 0;
        for (var e : buckets.entrySet()) {
            long index = e.getKey();
            counters[i++] = e.getValue()[0];
            if (previous < 0) {
                spanStart = index;
                spanOffset = index;
            } else if (index != previous + 1) {
                spans.add(new BucketSpan(spanOffset, previous + 1 - spanStart));
                spanOffset = index - previous - 1;
                spanStart = index;
            }
            previous = index;
        }
        if (previous >= 0) {
            spans.add(new BucketSpan(spanOffset, previous + 1 - spanStart));
        }
        return new TrendHdrValue(timeSeconds, counters, spans, sum, count, count == 0 ? 0 : min, count == 0 ? 0 : max,
                extraLow, extraHigh, minResolution, 0);
    }

    /**
     * The bucket of a value already divided by the resolution (k6's {@code resolveBucketIndex}):
     * 0 for values up to 0, the value rounded up below 256, else 128 buckets per power of two.
     */
    public static long bucketIndex(double scaled) {
        if (!(scaled > 0)) {
            return 0;
        }
        if (scaled >= TWO_TO_63) {
            return ((long) (63 - SUB_BUCKET_BITS) << SUB_BUCKET_BITS) + (1L << SUB_BUCKET_BITS);
        }
        long upscaled = (long) Math.ceil(scaled);
        if (upscaled < 256) {
            return upscaled;
        }
        long shift = 63 - Long.numberOfLeadingZeros(upscaled >>> SUB_BUCKET_BITS);
        return (shift << SUB_BUCKET_BITS) + (upscaled >>> shift);
    }

    /** The smallest rounded-up scaled value of a bucket ({@code ceil(value / resolution)}). */
    public static double bucketFirst(long index) {
        if (index < 256) {
            return index;
        }
        long shift = (index >>> SUB_BUCKET_BITS) - 1;
        long mantissa = index - (shift << SUB_BUCKET_BITS);
        return Math.scalb((double) mantissa, (int) shift);
    }

    /** The largest rounded-up scaled value of a bucket. */
    public static double bucketLast(long index) {
        if (index < 256) {
            return index;
        }
        long shift = (index >>> SUB_BUCKET_BITS) - 1;
        long mantissa = index - (shift << SUB_BUCKET_BITS);
        return Math.scalb((double) (mantissa + 1), (int) shift) - 1;
    }

    /**
     * The value a bucket stands for, in the trend's unit: below 256 resolutions its upper
     * edge (exact for values on the resolution's grid), above the middle of its range.
     */
    public static double representative(long index, double minResolution) {
        if (index < 256) {
            return index * minResolution;
        }
        return (bucketFirst(index) + bucketLast(index)) / 2 * minResolution;
    }
}
