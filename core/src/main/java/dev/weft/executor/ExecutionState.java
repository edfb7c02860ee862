package dev.weft.executor;

import dev.weft.metrics.SampleSink;
import dev.weft.metrics.Tags;
import dev.weft.vu.VuPool;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What all executors of one test share: the VU pool, the sample sink, setup's data and the
 * test-wide stop flags. Thread-safe; read by scenario threads and VU threads.
 */
public final class ExecutionState {
    private final VuPool pool;
    private final SampleSink sink;
    private final Clock clock;
    private final Tags testTags;
    private final String setupData;
    private final AtomicInteger activeVus = new AtomicInteger();
    private final LongAdder completedIterations = new LongAdder();
    private final LongAdder interruptedIterations = new LongAdder();
    private final java.util.concurrent.ConcurrentHashMap<String, ScenarioProgress> progress =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final long startMillis;
    private volatile boolean stopping;
    private volatile boolean abortedByScript;

    public ExecutionState(VuPool pool, SampleSink sink, Clock clock, Tags testTags, String setupData) {
        this.startMillis = clock.millis();
        this.pool = pool;
        this.sink = sink;
        this.clock = clock;
        this.testTags = testTags;
        this.setupData = setupData;
    }

    /** When the scenarios started, ms since the epoch. */
    public long startMillis() {
        return startMillis;
    }

    public VuPool pool() {
        return pool;
    }

    public SampleSink sink() {
        return sink;
    }

    public Clock clock() {
        return clock;
    }

    public Tags testTags() {
        return testTags;
    }

    public String setupData() {
        return setupData;
    }

    /** True once the test was asked to stop (Ctrl-C, a threshold's abortOnFail, test.abort()). */
    public boolean stopping() {
        return stopping;
    }

    /** Stops every executor from starting new iterations; in-flight ones get their graceful stop. */
    public void stop() {
        stopping = true;
    }

    /** Called when a script calls {@code test.abort()}: stops the test and remembers why. */
    public void abortByScript() {
        abortedByScript = true;
        stop();
    }

    public boolean abortedByScript() {
        return abortedByScript;
    }

    public AtomicInteger activeVus() {
        return activeVus;
    }

    public long completedIterations() {
        return completedIterations.sum();
    }

    public long interruptedIterations() {
        return interruptedIterations.sum();
    }

    /** The progress of the scenario of this name, made on first use. */
    public ScenarioProgress progress(String scenario) {
        return progress.computeIfAbsent(scenario, n -> new ScenarioProgress());
    }

    void countIteration(boolean complete) {
        (complete ? completedIterations : interruptedIterations).increment();
    }
}
