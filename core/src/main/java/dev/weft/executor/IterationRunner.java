package dev.weft.executor;

import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.vu.ExecutionView;
import dev.weft.vu.IterationContext;
import dev.weft.vu.IterationOutcome;
import dev.weft.vu.Vu;
import java.util.List;

/**
 * Runs one iteration on a VU and records k6's iteration metrics for it. Called on the VU's
 * own thread by every executor's run loop; holds no state of its own beyond the scenario.
 */
final class IterationRunner {
    private final Scenario scenario;
    private final ExecutionState state;
    private final Tags tags;
    private final Tags iterationTags;
    private final ExecutionView view;
    private final ScenarioProgress progress;

    IterationRunner(Scenario scenario, ExecutionState state) {
        this(scenario, state, null);
    }

    /** @param executor the executor running the scenario, for k6/execution's view (progress, type) */
    IterationRunner(Scenario scenario, ExecutionState state, Executor executor) {
        this.scenario = scenario;
        this.state = state;
        this.view = new ScenarioView(scenario, state, executor, state.clock().millis());
        this.tags = state.testTags().merge(scenario.tags()).with("scenario", scenario.name());
        this.iterationTags = tags.with("group", "");
        this.progress = state.progress(scenario.name());
    }

    /** Counts {@code count} iterations that could not start (k6's dropped_iterations). */
    void dropped(long count) {
        if (count > 0) {
            state.sink().push(new Sample(BuiltinMetrics.DROPPED_ITERATIONS, tags, state.clock().millis(), count));
        }
    }

    /** Runs iteration {@code vuIteration} of this VU; false if the test must stop. */
    IterationOutcome run(Vu vu, long vuIteration, long scenarioIteration) {
        long start = System.nanoTime();
        progress.iterationStarted();
        IterationOutcome outcome = IterationOutcome.INTERRUPTED;
        try {
            outcome = vu.runIteration(new IterationContext(scenario.exec(), scenario.name(),
                    vuIteration, scenarioIteration, tags, state.setupData(), view));
        } finally {
            progress.iterationEnded(outcome == IterationOutcome.COMPLETED || outcome == IterationOutcome.FAILED);
        }
        long end = System.nanoTime();
        switch (outcome) {
            case COMPLETED, FAILED -> {
                countIteration(start, end);
                state.countIteration(outcome == IterationOutcome.COMPLETED);
            }
            case INTERRUPTED -> state.countIteration(false);
            case ABORT_TEST -> {
                // k6 counts the iteration that called test.abort() in iterations and iteration_duration
                countIteration(start, end);
                state.countIteration(false);
                state.abortByScript();
            }
        }
        return outcome;
    }

    private void countIteration(long startNanos, long endNanos) {
        long now = state.clock().millis();
        state.sink().pushAll(List.of(
                new Sample(BuiltinMetrics.ITERATION_DURATION, iterationTags, now, (endNanos - startNanos) / 1e6),
                new Sample(BuiltinMetrics.ITERATIONS, iterationTags, now, 1)));
    }
}
