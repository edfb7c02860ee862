package dev.weft.executor;

import dev.weft.vu.ExecutionView;

/**
 * k6/execution's view of one running scenario. Progress is the share of the scenario's
 * longest duration that has passed (k6 reports iteration share for iteration-based
 * executors; for them this is an upper bound of time, not of work). Thread-safe reads.
 */
final class ScenarioView implements ExecutionView {
    private final Scenario scenario;
    private final ExecutionState state;
    private final Executor executor;
    private final long startMillis;

    ScenarioView(Scenario scenario, ExecutionState state, Executor executor, long startMillis) {
        this.scenario = scenario;
        this.state = state;
        this.executor = executor;
        this.startMillis = startMillis;
    }

    @Override
    public String executor() {
        return scenario.executor();
    }

    @Override
    public java.util.Map<String, String> scenarioEnv() {
        return scenario.env();
    }

    @Override
    public long scenarioStartMillis() {
        return startMillis;
    }

    @Override
    public double progress() {
        if (executor == null) {
            return 0;
        }
        long total = executor.maxDuration().toMillis();
        if (total <= 0) {
            return 1;
        }
        return Math.min(1.0, (state.clock().millis() - startMillis) / (double) total);
    }

    @Override
    public long testStartMillis() {
        return state.startMillis();
    }

    @Override
    public int activeVus() {
        return state.activeVus().get();
    }

    @Override
    public int initializedVus() {
        return state.pool().size();
    }

    @Override
    public long completedIterations() {
        return state.completedIterations();
    }

    @Override
    public long interruptedIterations() {
        return state.interruptedIterations();
    }
}
