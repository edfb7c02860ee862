package dev.weft.cloud.summary;

import dev.weft.cloud.wire.TrendDigest;

/**
 * One metric's stored seconds folded over every tag set and second: count, sum, min, max, the
 * latest value and, for trends, the merged digest. Mutable; owned by one summary request.
 */
final class MetricTotals {
    final String type;
    long count;
    double sum;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double last;
    long lastSecond = Long.MIN_VALUE;
    TrendDigest digest;

    MetricTotals(String type) {
        this.type = type;
    }

    void add(long second, long n, double total, double lo, double hi, double latest, byte[] histogram) {
        count += n;
        sum += total;
        min = Math.min(min, lo);
        max = Math.max(max, hi);
        if (second >= lastSecond) {
            lastSecond = second;
            last = latest;
        }
        if (histogram != null) {
            if (digest == null) {
                digest = new TrendDigest();
            }
            digest.add(TrendDigest.fromBytes(histogram));
        }
    }

    double percentile(double p) {
        return digest == null ? 0 : digest.percentileInterpolated(p);
    }
}
