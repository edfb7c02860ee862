package dev.weft.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable, sorted set of tag key/value pairs attached to a {@link Sample}. Equal tag sets
 * are equal values, so they can key aggregation maps. Safe to share between threads.
 */
public record Tags(Map<String, String> map) {
    public static final Tags EMPTY = new Tags(Map.of());

    public Tags {
        map = Collections.unmodifiableMap(new TreeMap<>(map));
    }

    public static Tags of(String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("tags need key/value pairs");
        }
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return new Tags(m);
    }

    /** A copy with one tag set (replacing any value it had). */
    public Tags with(String key, String value) {
        Map<String, String> m = new TreeMap<>(map);
        m.put(key, value);
        return new Tags(m);
    }

    /** A copy with every tag of {@code other} set over these. */
    public Tags merge(Tags other) {
        if (other.map.isEmpty()) {
            return this;
        }
        Map<String, String> m = new TreeMap<>(map);
        m.putAll(other.map);
        return new Tags(m);
    }

    public String get(String key) {
        return map.get(key);
    }
}
