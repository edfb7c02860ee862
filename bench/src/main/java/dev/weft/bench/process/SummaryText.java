package dev.weft.bench.process;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads figures out of the end-of-test text summary that k6 and Weft both print (k6's format):
 * a counter's count and a trend's statistics, durations in ms. Used by the process benches.
 */
public final class SummaryText {
    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:([0-9.]+)(µs|us|ms|s))?");

    private SummaryText() {
    }

    /** The count of counter {@code metric} ({@code iterations.....: 100000 9544.6/s}); -1 when absent. */
    public static long count(String summary, String metric) {
        Matcher m = Pattern.compile("\\b" + Pattern.quote(metric) + "\\.*:\\s+(\\d+)").matcher(summary);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Statistic {@code stat} (like {@code p(95)} or {@code max}) of trend {@code metric}, in ms; NaN when absent. */
    public static double trendMs(String summary, String metric, String stat) {
        Matcher line = Pattern.compile("\\b" + Pattern.quote(metric) + "\\.*:(.*)").matcher(summary);
        if (!line.find()) {
            return Double.NaN;
        }
        Matcher v = Pattern.compile("(?:^|\\s)" + Pattern.quote(stat) + "=(\\S+)").matcher(line.group(1));
        return v.find() ? durationMs(v.group(1)) : Double.NaN;
    }

    /** A duration as k6 prints one: {@code 812µs}, {@code 1.79ms}, {@code 1.05s}, {@code 1m2.5s}; in ms. */
    static double durationMs(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches() || text.isEmpty()) {
            return Double.NaN;
        }
        double ms = 0;
        if (m.group(1) != null) {
            ms += Long.parseLong(m.group(1)) * 3_600_000.0;
        }
        if (m.group(2) != null) {
            ms += Long.parseLong(m.group(2)) * 60_000.0;
        }
        if (m.group(3) != null) {
            double v = Double.parseDouble(m.group(3));
            ms += switch (m.group(4)) {
                case "µs", "us" -> v / 1000;
                case "ms" -> v;
                default -> v * 1000;
            };
        }
        return ms;
    }
}
