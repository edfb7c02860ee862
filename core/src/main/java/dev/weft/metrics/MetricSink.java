package dev.weft.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The running aggregate of one metric or sub-metric (k6's "sink"). Not thread-safe: written
 * by the sample pipeline's consumer thread and read under {@link MetricAggregates}' lock.
 */
public sealed interface MetricSink permits CounterSink, GaugeSink, RateSink, TrendSink {

    static MetricSink forType(MetricType type) {
        return switch (type) {
            case COUNTER -> new CounterSink();
            case GAUGE -> new GaugeSink();
            case RATE -> new RateSink();
            case TREND -> new TrendSink();
        };
    }

    void add(double value);

    boolean isEmpty();

    /**
     * One named statistic as thresholds name them ({@code count}, {@code rate}, {@code value},
     * {@code avg}, {@code min}, {@code med}, {@code max}, {@code p(N)}), or NaN when this sink
     * has no such value (yet): k6 treats a missing value as a passing threshold.
     *
     * @param elapsed test run time so far, for per-second rates
     */
    double stat(String name, Duration elapsed);

    /**
     * The values k6 puts in handleSummary's {@code metrics.<name>.values}, in display order.
     *
     * @param trendStats the trend columns wanted (ignored by the other types)
     */
    Map<String, Double> summaryValues(Duration elapsed, List<String> trendStats);

    /** Seconds in a duration as a double, 0 for a zero duration. */
    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
