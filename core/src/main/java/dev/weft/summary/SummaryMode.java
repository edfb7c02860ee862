package dev.weft.summary;

import java.util.Locale;

/**
 * k6 v1's {@code --summary-mode}: {@code compact} (the default: thresholds and total results),
 * {@code full} (also every group and scenario), {@code legacy} (k6 v0's layout) or
 * {@code disabled} (no summary, what {@code --no-summary} means).
 */
public enum SummaryMode {
    COMPACT, FULL, LEGACY, DISABLED;

    /**
     * Parses a flag or {@code K6_SUMMARY_MODE} value; null or blank is {@link #COMPACT}.
     *
     * @throws IllegalArgumentException with k6's "invalid summary mode" message naming the value
     */
    public static SummaryMode parse(String value) {
        if (value == null || value.isBlank()) {
            return COMPACT;
        }
        for (SummaryMode m : values()) {
            if (m.flagValue().equals(value)) {
                return m;
            }
        }
        throw new IllegalArgumentException("invalid summary mode '" + value
                + "': use compact, full, legacy or disabled");
    }

    /** The spelling on the command line. */
    public String flagValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
