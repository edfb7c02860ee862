package dev.weft.pipeline;

import dev.weft.metrics.Sample;
import java.util.List;

/**
 * An in-process consumer of every sample batch, applied synchronously on the pipeline's
 * consumer thread before outputs see the batch: the metric aggregates and the summary's group
 * tree. Must be quick and must not block on I/O.
 */
@FunctionalInterface
public interface SampleIngester {
    void ingest(List<Sample> batch);
}
