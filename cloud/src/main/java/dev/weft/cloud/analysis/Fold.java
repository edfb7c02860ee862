package dev.weft.cloud.analysis;

import dev.weft.cloud.wire.TrendDigest;

/**
 * Stored aggregates folded together (over seconds, series or both): count, sum, min, max, the
 * latest value and, for trends, the merged histogram, with the statistics k6's summary shows.
 * For a rate {@code sum} counts the non-zero samples; for a counter it is the total. Mutable;
 * owned by one request.
 */
final class Fold {
    final String type;
    long count;
    double sum;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double last;
    long lastSecond = Long.MIN_VALUE;
    private TrendDigest digest;

    Fold(String type) {
        this.type = type;
    }

    void add(long n, double total, double lo, double hi, double latest, long second, byte[] histogram) {
        if (n <= 0) {
            return;
        }
        count += n;
        sum += total;
        min = Math.min(min, lo);
        max = Math.max(max, hi);
        if (second >= lastSecond) {
            lastSecond = second;
            last = latest;
        }
        if (histogram != null) {
            digest().addBytes(histogram);
        }
    }

    /** Adds another fold (the latest value is the one of the latest second, as k6's summary shows a gauge). */
    void add(Fold other) {
        if (other.count == 0) {
            return;
        }
        count += other.count;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        if (other.lastSecond >= lastSecond) {
            lastSecond = other.lastSecond;
            last = other.last;
        }
        if (other.digest != null) {
            digest().add(other.digest);
        }
    }

    private TrendDigest digest() {
        if (digest == null) {
            digest = new TrendDigest();
        }
        return digest;
    }

    /**
     * A percentile (0-100) from the histogram as k6 computes it (interpolated between the two
     * samples around the rank), kept within the exact min and max.
     */
    double percentile(double p) {
        if (count == 0) {
            return 0;
        }
        double v = digest == null ? max : digest.percentileInterpolated(p);
        return Math.min(max, Math.max(min, v));
    }

    double avg() {
        return count == 0 ? 0 : sum / count;
    }

    /** A rate's share of non-zero samples. */
    double ratio() {
        return count == 0 ? 0 : sum / count;
    }

    long passes() {
        return Math.round(sum);
    }

    long fails() {
        return count - Math.round(sum);
    }

    /**
     * One statistic by k6's name: avg, min, med, max, p(N), count (a counter's total, else the
     * samples), rate (a counter's total per second of {@code seconds}, a rate's share), value
     * (a gauge's latest, a rate's share), passes, fails, sum; NaN when the name is unknown.
     */
    double stat(String name, double seconds) {
        switch (name) {
            case "avg":
                return avg();
            case "min":
                return count == 0 ? 0 : min;
            case "max":
                return count == 0 ? 0 : max;
            case "med":
                return percentile(50);
            case "count":
                return "counter".equals(type) ? sum : count;
            case "sum":
                return sum;
            case "rate":
                return "counter".equals(type) ? (seconds <= 0 ? 0 : sum / seconds) : ratio();
            case "value":
                return "gauge".equals(type) ? last : "rate".equals(type) ? ratio() : "counter".equals(type) ? sum : avg();
            case "passes":
                return passes();
            case "fails":
                return fails();
            default:
                Double p = percentileOf(name);
                return p == null ? Double.NaN : percentile(p);
        }
    }

    /** The N of {@code p(N)}, or null when {@code name} is no percentile. */
    static Double percentileOf(String name) {
        if (!name.startsWith("p(") || !name.endsWith(")")) {
            return null;
        }
        try {
            double p = Double.parseDouble(name.substring(2, name.length() - 1));
            return p >= 0 && p <= 100 ? p : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
