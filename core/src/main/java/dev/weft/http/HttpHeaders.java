package dev.weft.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, ordered list of header fields; a name may repeat, and lookups ignore case.
 * Used for request headers (built by the JS module on a VU thread) and response headers (built
 * by the client); safe to share.
 */
public final class HttpHeaders {
    public static final HttpHeaders EMPTY = new HttpHeaders(new String[0]);

    /** name0, value0, name1, value1, ... */
    private final String[] fields;

    private HttpHeaders(String[] fields) {
        this.fields = fields;
    }

    /** Headers from alternating names and values, in that order. */
    public static HttpHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("headers need name/value pairs");
        }
        for (String s : namesAndValues) {
            if (s == null) {
                throw new IllegalArgumentException("header names and values must not be null");
            }
        }
        return namesAndValues.length == 0 ? EMPTY : new HttpHeaders(namesAndValues.clone());
    }

    /** Headers from a map, one field per entry, in the map's order. */
    public static HttpHeaders of(Map<String, String> map) {
        Builder b = builder();
        map.forEach(b::add);
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return fields.length / 2;
    }

    public String name(int index) {
        return fields[index * 2];
    }

    public String value(int index) {
        return fields[index * 2 + 1];
    }

    /** The first value of the named field, or null. */
    public String first(String name) {
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                return fields[i + 1];
            }
        }
        return null;
    }

    /** Every value of the named field in order; empty when absent. */
    public List<String> all(String name) {
        List<String> out = null;
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(fields[i + 1]);
            }
        }
        return out == null ? List.of() : Collections.unmodifiableList(out);
    }

    public boolean contains(String name) {
        return first(name) != null;
    }

    /** A copy where the named field has exactly this one value, added last if it was absent. */
    public HttpHeaders with(String name, String value) {
        Builder b = new Builder();
        boolean replaced = false;
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                if (!replaced) {
                    b.add(fields[i], value);
                    replaced = true;
                }
            } else {
                b.add(fields[i], fields[i + 1]);
            }
        }
        if (!replaced) {
            b.add(name, value);
        }
        return b.build();
    }

    /** A copy without the named field. */
    public HttpHeaders without(String name) {
        if (!contains(name)) {
            return this;
        }
        Builder b = new Builder();
        for (int i = 0; i < fields.length; i += 2) {
            if (!fields[i].equalsIgnoreCase(name)) {
                b.add(fields[i], fields[i + 1]);
            }
        }
        return b.build();
    }

    /**
     * k6's view of response headers: canonical names ({@code Content-Type}) mapped to their
     * values, repeated fields joined with ", ", in first-seen order.
     */
    public Map<String, String> toCanonicalMap() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            out.merge(canonicalName(fields[i]), fields[i + 1], (a, b) -> a + ", " + b);
        }
        return out;
    }

    /** Go's canonical header name: first letter and each letter after '-' upper case. */
    public static String canonicalName(String name) {
        boolean upper = true;
        boolean changed = false;
        char[] chars = name.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            char want = upper ? Character.toUpperCase(c) : Character.toLowerCase(c);
            if (want != c) {
                chars[i] = want;
                changed = true;
            }
            upper = c == '-';
        }
        return changed ? new String(chars) : name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpHeaders h && Arrays.equals(fields, h.fields);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fields);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < fields.length; i += 2) {
            sb.append(i == 0 ? "" : ", ").append(fields[i]).append(": ").append(fields[i + 1]);
        }
        return sb.append('}').toString();
    }

    /** Collects fields in order. Not thread-safe; used by one thread and then built. */
    public static final class Builder {
        private String[] fields = new String[16];
        private int n;

        public Builder add(String name, String value) {
            if (name == null || value == null) {
                throw new IllegalArgumentException("header names and values must not be null");
            }
            if (n + 2 > fields.length) {
                fields = Arrays.copyOf(fields, fields.length * 2);
            }
            fields[n++] = name;
            fields[n++] = value;
            return this;
        }

        public Builder addAll(HttpHeaders headers) {
            for (int i = 0; i < headers.size(); i++) {
                add(headers.name(i), headers.value(i));
            }
            return this;
        }

        public HttpHeaders build() {
            return n == 0 ? EMPTY : new HttpHeaders(Arrays.copyOf(fields, n));
        }
    }
}
