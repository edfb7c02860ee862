package dev.weft.output.prometheus;

import java.util.Map;
import java.util.TreeMap;

/**
 * A Prometheus native (sparse, exponential) histogram of a trend's values since the start, as
 * k6 builds with client_golang and a bucket factor of 1.1, which gives schema 3: bucket {@code k}
 * holds values in {@code (2^((k-1)/8), 2^(k/8)]}. Values at or under the zero threshold
 * ({@code 2^-128}) go to the zero bucket. Single writer (the pusher thread).
 */
final class NativeHistogram {
    static final int SCHEMA = 3;
    static final double ZERO_THRESHOLD = 0x1p-128;

    private final TreeMap<Integer, Long> buckets = new TreeMap<>();
    private long count;
    private double sum;
    private long zeroCount;

    void add(double v) {
        if (Double.isNaN(v)) {
            return;
        }
        count++;
        sum += v;
        if (Math.abs(v) <= ZERO_THRESHOLD) {
            zeroCount++;
            return;
        }
        // trend values are never negative (times, bytes, counts); a negative one lands in the zero bucket
        if (v < 0) {
            zeroCount++;
            return;
        }
        buckets.merge(index(v), 1L, Long::sum);
    }

    /** The bucket of a positive value: ceil(log2(v) * 2^schema), corrected for rounding at bounds. */
    static int index(double v) {
        int k = (int) Math.ceil(Math.log(v) / Math.log(2) * (1 << SCHEMA));
        if (v > upperBound(k)) {
            k++;
        } else if (v <= upperBound(k - 1)) {
            k--;
        }
        return k;
    }

    static double upperBound(int k) {
        return Math.pow(2, (double) k / (1 << SCHEMA));
    }

    Snapshot snapshot() {
        return new Snapshot(count, sum, zeroCount, new TreeMap<>(buckets));
    }

    /**
     * The histogram at one moment, ready to encode.
     *
     * @param buckets counts by bucket index, ascending
     */
    record Snapshot(long count, double sum, long zeroCount, Map<Integer, Long> buckets) {
    }
}
