package dev.weft.cloud.wire.v2;

/**
 * A gauge over one aggregation period, field by field as on the wire. k6 v1.3.0 writes its
 * maximum into {@code min} (field 4) and its minimum into {@code max} (field 5); Weft's
 * encoder writes them the right way round. Readers use {@link #low()} and {@link #high()},
 * which are right for both.
 */
public record GaugeValue(long timeSeconds, double last, long count, double min, double max, double avg)
        implements SampleValue {

    /** The smallest value of the period, whichever field the sender put it in. */
    public double low() {
        return Math.min(min, max);
    }

    /** The largest value of the period, whichever field the sender put it in. */
    public double high() {
        return Math.max(min, max);
    }
}
