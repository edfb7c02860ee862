package dev.weft.executor;

/**
 * Runs one scenario. {@link #run(ExecutionState)} is called once, on the scenario's own
 * thread, and returns when the scenario is over (graceful stop included).
 */
public interface Executor {
    Scenario scenario();

    /** The most VUs this scenario can use at once (what the VU pool must hold for it). */
    int maxVus();

    /** The longest the scenario can run, graceful stop excluded (k6's "max duration"). */
    java.time.Duration maxDuration();

    void run(ExecutionState state) throws InterruptedException;

    /**
     * The line k6 prints for this scenario under "scenarios:", e.g. {@code 10 looping VUs for 30s
     * (gracefulStop: 30s)} (k6's {@code GetDescription}), for this instance's share.
     */
    String description();
}
