package dev.weft.output;

import dev.weft.metrics.Sample;
import java.util.List;

/**
 * A destination for metric samples (k6's output interface). The sample pipeline calls
 * {@link #start()} once before the test, {@link #addMetricSamples(List)} about every 50-1000 ms
 * from its single consumer thread (never from a VU thread), and {@link #stop()} once at the
 * end. Implementations must not hold that thread for long: slow I/O goes to their own thread.
 * Optional abilities are the {@code With*} interfaces beside this one.
 */
public interface Output {
    /** A short text for the run header, e.g. {@code json (out.json)}. */
    String description();

    void start() throws Exception;

    void addMetricSamples(List<Sample> samples);

    void stop() throws Exception;
}
