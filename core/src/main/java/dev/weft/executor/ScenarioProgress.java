package dev.weft.executor;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the progress display shows of one scenario: when it started and ended, its completed
 * iterations and the VUs running one of its iterations right now. Written by the scenario's
 * thread and its VUs, read by the progress thread; every field is safe to read at any time.
 */
public final class ScenarioProgress {
    private volatile long startNanos = -1;
    private volatile long endNanos = -1;
    private volatile boolean interrupted;
    private final LongAdder iterations = new LongAdder();
    private final AtomicInteger busyVus = new AtomicInteger();

    /** The scenario's executor started running (after its startTime). */
    public void start(long nanos) {
        startNanos = nanos;
    }

    /** The executor returned; {@code stopped} when the test was stopped before its end. */
    public void end(long nanos, boolean stopped) {
        interrupted = stopped;
        endNanos = nanos;
    }

    void iterationStarted() {
        busyVus.incrementAndGet();
    }

    void iterationEnded(boolean completed) {
        busyVus.decrementAndGet();
        if (completed) {
            iterations.increment();
        }
    }

    public boolean started() {
        return startNanos >= 0;
    }

    public boolean ended() {
        return endNanos >= 0;
    }

    public boolean interrupted() {
        return interrupted;
    }

    /** Time since the start, frozen at the end; 0 before the start. */
    public long elapsedNanos(long nowNanos) {
        if (startNanos < 0) {
            return 0;
        }
        return (endNanos >= 0 ? endNanos : nowNanos) - startNanos;
    }

    public long completedIterations() {
        return iterations.sum();
    }

    public int busyVus() {
        return busyVus.get();
    }
}
