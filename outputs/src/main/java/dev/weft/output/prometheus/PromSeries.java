package dev.weft.output.prometheus;

import java.util.List;

/**
 * One remote-write time series with one sample: labels sorted by name ({@code __name__} among
 * them), and either a float value or a native histogram. Made on the pusher thread.
 *
 * @param histogram null for a float sample
 */
record PromSeries(List<Label> labels, double value, long timestampMillis, NativeHistogram.Snapshot histogram) {
    /** A label pair. */
    record Label(String name, String value) {
    }

    /** The value of {@code __name__}. */
    String name() {
        for (Label l : labels) {
            if (l.name().equals("__name__")) {
                return l.value();
            }
        }
        return "";
    }
}
