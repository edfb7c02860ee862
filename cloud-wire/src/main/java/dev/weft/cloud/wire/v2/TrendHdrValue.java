package dev.weft.cloud.wire.v2;

import java.util.Arrays;
import java.util.List;

/**
 * A trend over one aggregation period as a histogram in k6's bucket scheme ({@link K6Hdr}):
 * the counts of the non-empty buckets in index order, and the spans that place them.
 * Values below zero are counted in {@code extraLowValuesCounter}, values too large for a
 * bucket in {@code extraHighValuesCounter} (0 when absent); {@code sum}, {@code count},
 * {@code minValue} and {@code maxValue} are exact. Bucket indexes are of
 * {@code value / minResolution} (k6: 0.001).
 *
 * @param significantDigits 0 when absent (k6 never sends it)
 */
public record TrendHdrValue(long timeSeconds, long[] counters, List<BucketSpan> spans, double sum, long count,
        double minValue, double maxValue, long extraLowValuesCounter, long extraHighValuesCounter,
        double minResolution, int significantDigits) implements SampleValue {

    /** Receives one non-empty bucket: its index and how many values fell in it. */
    @FunctionalInterface
    public interface BucketConsumer {
        void bucket(long index, long count);
    }

    public TrendHdrValue {
        counters = counters.clone();
        spans = List.copyOf(spans);
    }

    @Override
    public long[] counters() {
        return counters.clone();
    }

    /** How many values the buckets hold (the extra low/high counters not included). */
    public long bucketedCount() {
        long n = 0;
        for (long c : counters) {
            n += c;
        }
        return n;
    }

    /**
     * Walks the non-empty buckets in index order; an {@link IllegalArgumentException} when the
     * spans do not cover exactly the counters.
     */
    public void forEachBucket(BucketConsumer consumer) {
        long index = 0;
        int at = 0;
        for (int s = 0; s < spans.size(); s++) {
            BucketSpan span = spans.get(s);
            index += span.offset();
            if (span.length() > counters.length - at) {
                throw new IllegalArgumentException("trend spans cover more buckets than the " + counters.length
                        + " counters");
            }
            for (long i = 0; i < span.length(); i++) {
                consumer.bucket(index++, counters[at++]);
            }
        }
        if (at != counters.length) {
            throw new IllegalArgumentException("trend spans cover " + at + " of " + counters.length + " counters");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrendHdrValue t && timeSeconds == t.timeSeconds && Arrays.equals(counters, t.counters)
                && spans.equals(t.spans) && Double.compare(sum, t.sum) == 0 && count == t.count
                && Double.compare(minValue, t.minValue) == 0 && Double.compare(maxValue, t.maxValue) == 0
                && extraLowValuesCounter == t.extraLowValuesCounter
                && extraHighValuesCounter == t.extraHighValuesCounter
                && Double.compare(minResolution, t.minResolution) == 0 && significantDigits == t.significantDigits;
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(timeSeconds) + Arrays.hashCode(counters) + 7 * spans.hashCode() + Long.hashCode(count);
    }

    @Override
    public String toString() {
        return "TrendHdrValue[time=" + timeSeconds + ", counters=" + Arrays.toString(counters) + ", spans=" + spans
                + ", sum=" + sum + ", count=" + count + ", min=" + minValue + ", max=" + maxValue + ", extraLow="
                + extraLowValuesCounter + ", extraHigh=" + extraHighValuesCounter + ", minResolution=" + minResolution
                + "]";
    }
}
