package dev.weft.cloud.analysis;

import dev.weft.cloud.http.ApiException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request's query string as keys with their values in order (a key may repeat), checked
 * against the keys an endpoint knows: an unknown key is a 400 naming it. Immutable.
 */
record Query(Map<String, List<String>> values) {
    /** The keys every aggregating endpoint takes besides its own, {@code tag.*} aside. */
    static final Set<String> FILTER_KEYS = Set.of("scenario", "group", "from", "to");

    static Query of(URI uri) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                m.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        }
        return new Query(m);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /**
     * Refuses keys outside {@code own}, the filter keys (when {@code filters}) and
     * {@code tag.<key>}: 400 naming the first such key.
     */
    Query allow(boolean filters, Set<String> own) throws ApiException {
        for (String key : values.keySet()) {
            boolean known = own.contains(key)
                    || filters && (FILTER_KEYS.contains(key) || key.startsWith("tag.") && key.length() > 4);
            if (!known) {
                List<String> all = new ArrayList<>(own);
                if (filters) {
                    all.addAll(List.of("scenario", "group", "tag.<key>", "from", "to"));
                }
                throw new ApiException(400, "unknown query parameter '" + key + "'"
                        + (all.isEmpty() ? "; this endpoint takes none" : "; known: " + String.join(", ", all)));
            }
        }
        return this;
    }

    /** The only value of {@code key}, or null; a repeated key is a 400. */
    String one(String key) throws ApiException {
        List<String> v = values.get(key);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.size() > 1) {
            throw new ApiException(400, "query parameter '" + key + "' given " + v.size() + " times; give it once");
        }
        return v.get(0);
    }

    /** A whole number, or {@code fallback} when absent; anything else is a 400 naming the key. */
    long number(String key, long fallback) throws ApiException {
        String v = one(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new ApiException(400, "query parameter '" + key + "' must be a whole number, got '" + v + "'");
        }
    }

    /** The required value of {@code key}; absent or empty is a 400 naming it. */
    String required(String key) throws ApiException {
        String v = one(key);
        if (v == null || v.isBlank()) {
            throw new ApiException(400, "query parameter '" + key + "' is required");
        }
        return v;
    }
}
