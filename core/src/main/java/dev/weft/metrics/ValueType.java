package dev.weft.metrics;

/** What a metric's numbers mean: plain values, milliseconds, or bytes (k6's "contains"). */
public enum ValueType {
    DEFAULT, TIME, DATA;

    /** The name k6 uses for it: "default", "time" or "data". */
    public String k6Name() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
