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

    @Test
    void aVuWhoseIterationsEndAtOnceIsNotBorrowedAgainForAnotherVusIterations() throws Exception {
        // every VU is borrowed before any loop starts: one that ended its iterations at once once
        // went back to the pool in time to serve the next VU's too (__VU and setup data shared)
        for (int round = 0; round < 20; round++) {
            try (ExecutorHarness h = new ExecutorHarness().vus(40)) {
                h.run(new PerVuIterations(scenario(PerVuIterations.TYPE),
                        new PerVuIterations.Config(40, 1, SharedIterations.DEFAULT_MAX_DURATION)));

                assertThat(h.recording().iterationsPerVu()).as("round %d", round).hasSize(40)
                        .allSatisfy((vu, iterations) -> assertThat(iterations).isEqualTo(1L));
            }
        }
    }
}
