package dev.weft.metrics;

/** k6's four metric types; each decides how samples aggregate and how the summary shows them. */
public enum MetricType {
    COUNTER, GAUGE, RATE, TREND;

    /** The lower-case name k6 uses in JSON output and handleSummary data. */
    public String k6Name() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
