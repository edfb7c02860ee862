package dev.weft.metrics;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trend's statistics: exact count, sum, min and max, and percentiles. The first
 * {@value #EXACT_LIMIT} values are kept as they are, so small runs get exactly k6's linearly
 * interpolated percentiles; beyond that they move into a {@link LogLinearHistogram}, keeping
 * memory bounded for any run length with percentile error under 0.2%. NaN values are ignored.
 * Single writer; read under {@link MetricAggregates}' lock.
 */
public final class TrendSink implements MetricSink {
    static final int EXACT_LIMIT = 4096;

    private double[] exact = new double[16];
    private boolean sorted = true;
    private LogLinearHistogram histogram;
    private long count;
    private double sum;
    private double min;
    private double max;

    @Override
    public void add(double value) {
        if (Double.isNaN(value)) {
            return;
        }
        if (count == 0 || value < min) {
            min = value;
        }
        if (count == 0 || value > max) {
            max = value;
        }
        sum += value;
        if (histogram != null) {
            histogram.record(value);
        } else if (count < EXACT_LIMIT) {
            if (count == exact.length) {
                exact = Arrays.copyOf(exact, exact.length * 2);
            }
            if (count > 0 && value < exact[(int) count - 1]) {
                sorted = false;
            }
            exact[(int) count] = value;
        } else {
            histogram = new LogLinearHistogram();
            for (int i = 0; i < count; i++) {
                histogram.record(exact[i]);
            }
            exact = null;
            histogram.record(value);
        }
        count++;
    }

    @Override
    public boolean isEmpty() {
        return count == 0;
    }

    public long count() {
        return count;
    }

    public double min() {
        return count == 0 ? 0 : min;
    }

    public double max() {
        return count == 0 ? 0 : max;
    }

    public double avg() {
        return count == 0 ? 0 : sum / count;
    }

    public double sum() {
        return sum;
    }

    /**
     * The percentile {@code pct} (0 to 1), interpolated between the two nearest ranks as k6
     * does; 0 when empty.
     */
    public double percentile(double pct) {
        if (count == 0) {
            return 0;
        }
        double rank = pct * (count - 1);
        long lo = (long) Math.floor(rank);
        long hi = (long) Math.ceil(rank);
        double low = valueAtRank(lo);
        double high = hi == lo ? low : valueAtRank(hi);
        double v = low + (high - low) * (rank - lo);
        return Math.min(max, Math.max(min, v));
    }

    private double valueAtRank(long rank) {
        if (rank == 0) {
            return min;
        }
        if (rank == count - 1) {
            return max;
        }
        if (histogram != null) {
            return histogram.valueAtRank(rank);
        }
        if (!sorted) {
            Arrays.sort(exact, 0, (int) count);
            sorted = true;
        }
        return exact[(int) rank];
    }

    /**
     * A statistic by its k6 name: {@code avg min med max count p(N)}; NaN for an unknown name.
     * Used by thresholds and {@code --summary-trend-stats}.
     */
    @Override
    public double stat(String name, Duration elapsed) {
        return switch (name) {
            case "avg" -> avg();
            case "min" -> min();
            case "max" -> max();
            case "med" -> percentile(0.5);
            case "count" -> count;
            default -> {
                double p = percentileOf(name);
                yield Double.isNaN(p) ? Double.NaN : percentile(p / 100);
            }
        };
    }

    /** N from {@code p(N)}, or NaN if the text is not a percentile between 0 and 100. */
    public static double percentileOf(String stat) {
        if (!stat.startsWith("p(") || !stat.endsWith(")")) {
            return Double.NaN;
        }
        try {
            double p = Double.parseDouble(stat.substring(2, stat.length() - 1).trim());
            return p >= 0 && p <= 100 ? p : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    @Override
    public Map<String, Double> summaryValues(Duration elapsed, List<String> trendStats) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String stat : trendStats) {
            m.put(stat, stat(stat, elapsed));
        }
        return m;
    }
}
