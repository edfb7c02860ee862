package dev.weft.executor;

import static dev.weft.executor.ExecutorHarness.ms;
import static dev.weft.executor.ExecutorHarness.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.metrics.BuiltinMetrics;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SharedIterationsTest {
    @Test
    void runsExactlyTheGivenIterationsInTotal() throws Exception {
        try (ExecutorHarness h = new ExecutorHarness().vus(4).iterationTime(ms(2))) {
            h.run(new SharedIterations(scenario(SharedIterations.TYPE),
                    new SharedIterations.Config(4, 37, SharedIterations.DEFAULT_MAX_DURATION)));

            assertThat(h.recording().iterations()).isEqualTo(37);
            assertThat(h.recording().scenarioIterations()).containsExactlyElementsOf(
                    LongStream.range(0, 37).boxed().toList());
            assertThat(h.sum(BuiltinMetrics.ITERATIONS)).isEqualTo(37);
            assertThat(h.samplesOf(BuiltinMetrics.DROPPED_ITERATIONS)).isEmpty();
        }
    }

    @Test
    void maxDurationCutsItShortAndCountsTheRestAsDropped() throws Exception {
        try (ExecutorHarness h = new ExecutorHarness().vus(1).iterationTime(ms(50))) {
            h.run(new SharedIterations(scenario(SharedIterations.TYPE, ms(500)),
                    new SharedIterations.Config(1, 1000, ms(200))));

            int ran = h.recording().iterations();
            assertThat(ran).isBetween(1, 10);
            assertThat(h.sum(BuiltinMetrics.DROPPED_ITERATIONS)).isEqualTo(1000 - ran);
        }
    }
}
