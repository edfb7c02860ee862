package dev.weft.options;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses k6 duration strings: Go's {@code 1h2m3.5s}, {@code 500ms}, {@code 10us} forms, or a
 * bare number meaning milliseconds. Used for options, scenario settings and threshold delays;
 * {@link #format(Duration)} writes them back as k6 prints them.
 */
public final class K6Duration {
    private static final Pattern PART = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Pattern BARE = Pattern.compile("\\d+\\.?\\d*|\\.\\d+");

    private K6Duration() {
    }

    /** Go's {@code time.Duration.String()} as k6 prints durations: {@code 1m30s}, {@code 10m0s}, {@code 500ms}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms == 0 ? "0s" : ms + "ms";
        }
        long h = ms / 3_600_000;
        long m = (ms / 60_000) % 60;
        double s = (ms % 60_000) / 1000.0;
        StringBuilder sb = new StringBuilder();
        if (h > 0) {
            sb.append(h).append('h');
        }
        if (h > 0 || m > 0) {
            sb.append(m).append('m');
        }
        sb.append(s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)).append('s');
        return sb.toString();
    }

    public static Duration parse(String text) {
        String t = text.trim();
        if (BARE.matcher(t).matches()) {
            return Duration.ofNanos(Math.round(Double.parseDouble(t) * 1_000_000));
        }
        Matcher m = PART.matcher(t);
        double nanos = 0;
        int pos = 0;
        while (pos < t.length() && m.find(pos) && m.start() == pos) {
            nanos += Double.parseDouble(m.group(1)) * unitNanos(m.group(2));
            pos = m.end();
        }
        if (pos == 0 || pos != t.length()) {
            throw new IllegalArgumentException("not a duration such as 10s, 1m30s or 500ms");
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    private static double unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "µs", "μs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
    }
}
