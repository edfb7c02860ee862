package dev.weft.metrics;

/**
 * Where samples go. Called by VU threads for every sample they make, so implementations
 * never block: they hand the sample off (or count it as dropped) and return.
 */
@FunctionalInterface
public interface SampleSink {
    void push(Sample sample);

    /** A sink that discards everything, for code paths that record nothing. */
    SampleSink DISCARD = sample -> { };
}
