package dev.weft.executor;

import dev.weft.segment.ExecutionTuple;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Numbers a scenario's iterations test-wide (k6's {@code scenario.iterationInTest}): the n-th
 * iteration this instance starts gets the number of its n-th item in the execution segment's
 * stripes, so numbers never clash between instances. Thread-safe; called by VU threads.
 */
final class ScenarioIterations {
    private final ExecutionTuple tuple;
    private final AtomicLong local = new AtomicLong();

    ScenarioIterations(ExecutionTuple tuple) {
        this.tuple = tuple;
    }

    long next() {
        return tuple.globalIndex(local.getAndIncrement());
    }
}
