package dev.weft.control;

import com.google.gson.JsonObject;
import dev.weft.executor.ExecutionState;
import dev.weft.executor.Executor;
import dev.weft.executor.ExternallyControlled;
import dev.weft.executor.PauseGate;
import dev.weft.lifecycle.StopReason;
import dev.weft.lifecycle.TestRun;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The control surface of one {@link TestRun}, built by the CLI before the run starts. The
 * CLI reports the end with {@link #ended()}; everything else is read from the run.
 * Thread-safe.
 */
public final class TestRunControl implements ControlSurface {
    private final TestRun run;
    private final List<Executor> executors;
    private final PauseGate gate;
    private final long vusMax;
    private final BooleanSupplier tainted;
    private final Supplier<Optional<JsonObject>> metrics;
    private volatile boolean ended;

    /**
     * @param run       the run to control
     * @param executors the run's executors (its plan's)
     * @param gate      the pause gate given to those executors (their {@code Instance}'s)
     * @param tainted   whether a threshold has failed so far
     * @param metrics   the {@code /v1/metrics} body, or empty
     */
    public TestRunControl(TestRun run, List<Executor> executors, PauseGate gate, BooleanSupplier tainted,
            Supplier<Optional<JsonObject>> metrics) {
        this.run = run;
        this.executors = List.copyOf(executors);
        this.gate = gate;
        this.vusMax = executors.stream().mapToLong(Executor::maxVus).sum();
        this.tainted = tainted;
        this.metrics = metrics;
    }

    /** Called by the CLI once {@link TestRun#run()} has returned. */
    public void ended() {
        ended = true;
    }

    @Override
    public ExecutionStatus status() {
        ExecutionState s = run.state();
        if (ended) {
            return s != null && s.stopping() ? ExecutionStatus.INTERRUPTED : ExecutionStatus.ENDED;
        }
        return switch (run.phase()) {
            case INIT -> gate.isPaused() ? ExecutionStatus.PAUSED_BEFORE_RUN : ExecutionStatus.INIT_VUS;
            case SETUP -> ExecutionStatus.SETUP;
            case RUNNING -> ExecutionStatus.RUNNING;
            case TEARDOWN -> ExecutionStatus.TEARDOWN;
            case ENDED -> s != null && s.stopping() ? ExecutionStatus.INTERRUPTED : ExecutionStatus.ENDED;
        };
    }

    @Override
    public boolean paused() {
        return gate.isPaused();
    }

    @Override
    public void setPaused(boolean paused) {
        gate.setPaused(paused);
    }

    @Override
    public long activeVus() {
        ExecutionState s = run.state();
        return s == null ? 0 : s.activeVus().get();
    }

    @Override
    public long vusMax() {
        return vusMax;
    }

    @Override
    public boolean stopped() {
        ExecutionState s = run.state();
        return s != null && s.stopping();
    }

    @Override
    public boolean running() {
        return run.state() != null && !ended;
    }

    @Override
    public boolean tainted() {
        return tainted.getAsBoolean();
    }

    @Override
    public void stop() {
        run.stop(StopReason.USER);
    }

    @Override
    public Optional<ExternallyControlled> externallyControlled() {
        return executors.stream().filter(ExternallyControlled.class::isInstance)
                .map(ExternallyControlled.class::cast).findFirst();
    }

    @Override
    public Optional<JsonObject> metrics() {
        return metrics.get();
    }
}
