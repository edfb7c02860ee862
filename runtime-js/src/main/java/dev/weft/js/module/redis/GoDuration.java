package dev.weft.js.module.redis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's duration strings ("1.5s", "300ms", "1m30s") as go-redis reads them from URL options. */
final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    private GoDuration() {
    }

    /** The duration in milliseconds; IllegalArgumentException when {@code s} is not one. */
    static long millis(String s) {
        String body = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        Matcher m = PART.matcher(body);
        double total = 0;
        int at = 0;
        while (at < body.length() && m.find(at) && m.start() == at) {
            double n = Double.parseDouble(m.group(1));
            total += n * switch (m.group(2)) {
                case "ns" -> 1e-6;
                case "us", "µs" -> 1e-3;
                case "ms" -> 1;
                case "s" -> 1e3;
                case "m" -> 60e3;
                default -> 3600e3;
            };
            at = m.end();
        }
        if (body.isEmpty() || at != body.length()) {
            throw new IllegalArgumentException("invalid duration " + s);
        }
        return (long) (s.startsWith("-") ? -total : total);
    }
}
