package dev.weft.metrics;

/**
 * Where samples go. Called by VU threads for every sample they make, so implementations
 * never block: they hand the sample off (or count it as dropped) and return.
 */
@FunctionalInterface
public interface SampleSink {
    void push(Sample sample);

    /**
     * Pushes samples made together (one request's HTTP samples): a sink may hand them off as one
     * unit, which costs a VU thread one hand-off instead of one per sample. The list is not
     * changed afterwards by the caller.
     */
    default void pushAll(java.util.List<Sample> samples) {
        for (Sample s : samples) {
            push(s);
        }
    }

    /** A sink that discards everything, for code paths that record nothing. */
    SampleSink DISCARD = sample -> { };
}
