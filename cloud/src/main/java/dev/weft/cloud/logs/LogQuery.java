package dev.weft.cloud.logs;

import dev.weft.cloud.http.ApiException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The query of {@code GET /api/runs/{id}/logs}: {@code after=<seq>} (0: from the first line),
 * {@code limit=<n>} (default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}),
 * {@code level=<l>[,<l>…]} (only those levels), {@code scenario=<name>}, {@code from=<ms>} and
 * {@code to=<ms>} (when it was logged). Any other key is a 400 naming it. A value.
 */
public record LogQuery(long after, int limit, Set<String> levels, String scenario, Long from, Long to) {
    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 5000;
    private static final Set<String> LEVELS = Set.of("debug", "info", "warn", "error");

    /** Parses a raw query string (null or "" for the defaults). */
    public static LogQuery parse(String rawQuery) throws ApiException {
        long after = 0;
        int limit = DEFAULT_LIMIT;
        Set<String> levels = new LinkedHashSet<>();
        String scenario = null;
        Long from = null;
        Long to = null;
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                switch (key) {
                    case "after" -> after = number(key, value, 0);
                    case "limit" -> limit = (int) Math.min(MAX_LIMIT, number(key, value, 1));
                    case "level" -> levels.addAll(levels(value));
                    case "scenario" -> scenario = value;
                    case "from" -> from = number(key, value, 0);
                    case "to" -> to = number(key, value, 0);
                    default -> throw new ApiException(400, "unknown query parameter '" + key
                            + "' for logs; use after, limit, level, scenario, from, to");
                }
            }
        }
        return new LogQuery(after, limit, Set.copyOf(levels), scenario, from, to);
    }

    private static Set<String> levels(String value) throws ApiException {
        Set<String> out = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String l = part.trim().toLowerCase(Locale.ROOT);
            if (l.equals("warning")) {
                l = "warn";
            }
            if (!LEVELS.contains(l)) {
                throw new ApiException(400, "level must be debug, info, warn or error (comma-separated), got '"
                        + part.trim() + "'");
            }
            out.add(l);
        }
        return out;
    }

    private static long number(String key, String value, long min) throws ApiException {
        try {
            long n = Long.parseLong(value.trim());
            if (n < min) {
                throw new ApiException(400, key + " must be at least " + min + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ApiException(400, key + " must be a whole number, got '" + value + "'");
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
