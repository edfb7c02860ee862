package dev.weft.metrics;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A slice of a metric selected by tags, k6's {@code metric{key:value,...}}: it aggregates only
 * the parent's samples whose tags contain every one of {@link #tags()}. Created at start-up
 * from threshold keys; immutable.
 *
 * @param parent the metric sliced
 * @param name   the full name as written, e.g. {@code http_req_duration{status:200}}
 * @param suffix the text between the braces, e.g. {@code status:200}
 * @param tags   the tags a sample must carry (values compared exactly)
 */
public record Submetric(Metric parent, String name, String suffix, Tags tags) {
    public Submetric {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(tags, "tags");
    }

    /**
     * Parses the braces part of a metric key the way k6 does: comma-separated {@code key:value}
     * pairs split at the first colon (so {@code group:::a} means key {@code group}, value
     * {@code ::a}); spaces and surrounding quotes are trimmed from keys and values.
     *
     * @throws IllegalArgumentException when the criteria are empty
     */
    public static Submetric of(Metric parent, String suffix) {
        String trimmed = suffix.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("submetric criteria for metric '" + parent.name() + "' cannot be empty");
        }
        Map<String, String> tags = new TreeMap<>();
        for (String pair : trimmed.split(",")) {
            if (pair.isEmpty()) {
                continue;
            }
            int colon = pair.indexOf(':');
            String key = colon < 0 ? pair : pair.substring(0, colon);
            String value = colon < 0 ? "" : pair.substring(colon + 1);
            tags.put(unquote(key).intern(), unquote(value)); // interned: tag names in samples are literals
        }
        return new Submetric(parent, parent.name() + "{" + trimmed + "}", trimmed, new Tags(tags));
    }

    private static String unquote(String s) {
        String t = s.trim();
        int from = 0;
        int to = t.length();
        while (from < to && (t.charAt(from) == '"' || t.charAt(from) == '\'')) {
            from++;
        }
        while (to > from && (t.charAt(to - 1) == '"' || t.charAt(to - 1) == '\'')) {
            to--;
        }
        return t.substring(from, to);
    }

    /** Whether a sample with these tags belongs to this sub-metric. */
    public boolean matches(Tags sampleTags) {
        return sampleTags.containsAll(tags);
    }
}
