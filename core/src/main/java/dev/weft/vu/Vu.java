package dev.weft.vu;

/**
 * One virtual user: a script runtime instance with its init code already run. Implemented by a
 * script runtime (runtime-js); core drives it. Every method except {@link #interrupt()} is
 * called only by the VU's own thread (its {@link VuThread}), one call at a time.
 */
public interface Vu {
    /** 1-based VU id in the test; 0 for the VU that runs setup and teardown. */
    int id();

    /**
     * Runs one iteration of the exported function {@code exec}. A script exception is logged by
     * the runtime and reported as {@link IterationOutcome#FAILED}; it never escapes.
     */
    IterationOutcome runIteration(IterationContext context);

    /** Stops the iteration running now, from any thread (graceful stop ran out, second Ctrl-C). */
    void interrupt();

    /** Frees the runtime instance. */
    void close();
}
