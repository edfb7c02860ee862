package dev.weft.summary;

import dev.weft.metrics.TrendSink;
import java.util.List;
import java.util.Set;

/**
 * How the end-of-test summary is computed and shown, from k6's options
 * ({@code summaryTrendStats}, {@code summaryTimeUnit}, {@code --no-color}) and the terminal.
 *
 * @param trendStats columns for trends: {@code avg min med max count p(N)}
 * @param timeUnit   "" for automatic units, or {@code s}, {@code ms}, {@code us}
 */
public record SummaryOptions(List<String> trendStats, String timeUnit, boolean noColor, boolean stdoutTty,
        boolean stderrTty) {
    public static final List<String> DEFAULT_TREND_STATS = List.of("avg", "min", "med", "max", "p(90)", "p(95)");
    private static final Set<String> PLAIN_STATS = Set.of("avg", "min", "med", "max", "count");
    private static final Set<String> TIME_UNITS = Set.of("", "s", "ms", "us");

    public SummaryOptions {
        trendStats = List.copyOf(trendStats);
        timeUnit = timeUnit == null ? "" : timeUnit;
    }

    public static SummaryOptions defaults() {
        return new SummaryOptions(DEFAULT_TREND_STATS, "", false, false, false);
    }

    /**
     * Checks the trend stats and time unit; the CLI calls this at start-up.
     *
     * @throws IllegalArgumentException naming the unknown stat or unit
     */
    public SummaryOptions validate() {
        for (String stat : trendStats) {
            if (!PLAIN_STATS.contains(stat) && Double.isNaN(TrendSink.percentileOf(stat))) {
                throw new IllegalArgumentException("invalid summaryTrendStats: stat '" + stat
                        + "' is unknown, use avg, min, med, max, count or p(N) with N between 0 and 100");
            }
        }
        if (!TIME_UNITS.contains(timeUnit)) {
            throw new IllegalArgumentException("invalid summaryTimeUnit '" + timeUnit + "', use s, ms or us");
        }
        return this;
    }

    public SummaryOptions withTrendStats(List<String> stats) {
        return new SummaryOptions(stats, timeUnit, noColor, stdoutTty, stderrTty);
    }
}
