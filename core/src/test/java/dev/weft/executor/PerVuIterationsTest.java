package dev.weft.executor;

import static dev.weft.executor.ExecutorHarness.ms;
import static dev.weft.executor.ExecutorHarness.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PerVuIterationsTest {
    @Test
    void eachVuRunsExactlyItsIterations() throws Exception {
        try (ExecutorHarness h = new ExecutorHarness().vus(3).iterationTime(ms(1))) {
            h.run(new PerVuIterations(scenario(PerVuIterations.TYPE),
                    new PerVuIterations.Config(3, 7, SharedIterations.DEFAULT_MAX_DURATION)));

            assertThat(h.recording().iterationsPerVu()).isEqualTo(Map.of(1, 7L, 2, 7L, 3, 7L));
            assertThat(h.state().completedIterations()).isEqualTo(21);
        }
    }
}
