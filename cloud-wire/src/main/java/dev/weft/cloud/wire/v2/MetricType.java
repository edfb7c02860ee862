package dev.weft.cloud.wire.v2;

/** {@code MetricType} of the v2 protocol, with its protobuf enum number. */
public enum MetricType {
    UNSPECIFIED(0), COUNTER(1), GAUGE(2), RATE(3), TREND(4);

    private final int number;

    MetricType(int number) {
        this.number = number;
    }

    /** The enum number on the wire. */
    public int number() {
        return number;
    }

    /** The type of a wire number; an unknown number is {@link #UNSPECIFIED}. */
    public static MetricType of(int number) {
        for (MetricType t : values()) {
            if (t.number == number) {
                return t;
            }
        }
        return UNSPECIFIED;
    }

    /** k6's name of the type as Weft stores it (counter, gauge, rate, trend), or null when unspecified. */
    public String k6Name() {
        return this == UNSPECIFIED ? null : name().toLowerCase(java.util.Locale.ROOT);
    }
}
