package dev.weft.control;

import com.google.gson.JsonObject;
import dev.weft.executor.ExternallyControlled;
import java.util.Optional;

/**
 * What the control API may read and change in a running test. {@link TestRunControl} is the
 * implementation over a {@link dev.weft.lifecycle.TestRun}; tests fake it. Called on the
 * control server's request threads, concurrently with the test: implementations are
 * thread-safe.
 */
public interface ControlSurface {
    ExecutionStatus status();

    boolean paused();

    /** Pauses or resumes the start of new iterations. */
    void setPaused(boolean paused);

    /** VUs running iterations now. */
    long activeVus();

    /** VUs initialised (k6's {@code vus-max}). */
    long vusMax();

    /** True once the test was asked to stop. */
    boolean stopped();

    /** True while scenarios run. */
    boolean running();

    /** True when a threshold has failed. */
    boolean tainted();

    /** Stops the test as Ctrl-C would ({@code PATCH /v1/status {"stopped": true}}). */
    void stop();

    /** The first externally-controlled scenario, whose VUs {@code PATCH /v1/status} may change. */
    Optional<ExternallyControlled> externallyControlled();

    /** The body of {@code GET /v1/metrics} in k6's JSON:API form, when the run offers one. */
    default Optional<JsonObject> metrics() {
        return Optional.empty();
    }
}
