package dev.weft.metrics;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable, sorted set of tag key/value pairs attached to a {@link Sample}. Equal tag sets
 * are equal values, so they can key aggregation maps. Safe to share between threads.
 *
 * <p>Held as two sorted arrays with a cached hash rather than a map: the pipeline's consumer
 * thread reads tags of samples made on other cores, and a lookup in a tree of entries cost a
 * chain of cache misses per sample (measured: a tenth of a whole request's CPU under load).
 */
public final class Tags {
    public static final Tags EMPTY = new Tags(Map.of());

    private final String[] keys;
    private final String[] values;
    private final int hash;
    private Map<String, String> view;

    public Tags(Map<String, String> map) {
        Map<String, String> sorted = map instanceof SortedMap<String, String> s && s.comparator() == null
                ? map : new TreeMap<>(map);
        int n = sorted.size();
        keys = new String[n];
        values = new String[n];
        int i = 0;
        int h = 0;
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            keys[i] = Objects.requireNonNull(e.getKey(), "tag name");
            values[i] = e.getValue();
            h += keys[i].hashCode() ^ Objects.hashCode(values[i]);
            i++;
        }
        hash = h;
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

    /** The tags as an unmodifiable map, iterated in key order. */
    public Map<String, String> map() {
        Map<String, String> v = view;
        if (v == null) {
            v = new View();
            view = v;
        }
        return v;
    }

    /** A copy with one tag set (replacing any value it had). */
    public Tags with(String key, String value) {
        Map<String, String> m = new TreeMap<>(map());
        m.put(key, value);
        return new Tags(m);
    }

    /** A copy with every tag of {@code other} set over these. */
    public Tags merge(Tags other) {
        if (other.keys.length == 0) {
            return this;
        }
        Map<String, String> m = new TreeMap<>(map());
        m.putAll(other.map());
        return new Tags(m);
    }

    public String get(String key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    /** Whether every tag of {@code other} is here with the same value. */
    public boolean containsAll(Tags other) {
        for (int i = 0; i < other.keys.length; i++) {
            int at = indexOf(other.keys[i]);
            if (at < 0 || !Objects.equals(values[at], other.values[i])) {
                return false;
            }
        }
        return true;
    }

    public int size() {
        return keys.length;
    }

    /** The {@code i}th tag name in key order, for writers that walk tags without allocating. */
    public String keyAt(int i) {
        return keys[i];
    }

    /** The value of {@link #keyAt(int) keyAt(i)}. */
    public String valueAt(int i) {
        return values[i];
    }

    private int indexOf(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == key) { // tag names are mostly the same literal instances
                return i;
            }
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Tags t && t.hash == hash && Arrays.equals(t.keys, keys)
                && Arrays.equals(t.values, values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "Tags" + map();
    }

    /** The read-only map view; its hashCode and equals are those of any Map. */
    private final class View extends AbstractMap<String, String> {
        @Override
        public int size() {
            return keys.length;
        }

        @Override
        public boolean containsKey(Object key) {
            return indexOf(key) >= 0;
        }

        @Override
        public String get(Object key) {
            int i = indexOf(key);
            return i < 0 ? null : values[i];
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public Set<Map.Entry<String, String>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return keys.length;
                }

                @Override
                public Iterator<Map.Entry<String, String>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < keys.length;
                        }

                        @Override
                        public Map.Entry<String, String> next() {
                            if (next >= keys.length) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]);
                        }
                    };
                }
            };
        }
    }
}
