package dev.weft.executor;

import static dev.weft.executor.ExecutorHarness.ms;
import static dev.weft.executor.ExecutorHarness.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.vu.RecordingVus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RampingVusTest {
    @Test
    void reachesTheStageTargetThenRampsDown() throws Exception {
        try (ExecutorHarness h = new ExecutorHarness().vus(4).iterationTime(ms(10))) {
            RampingVus.Config config = new RampingVus.Config(0,
                    List.of(new Stage(ms(150), 4), new Stage(ms(100), 4), new Stage(ms(200), 0)), Duration.ZERO);
            long t0 = System.nanoTime();
            h.run(new RampingVus(scenario(RampingVus.TYPE), config));

            assertThat(h.recording().maxConcurrent()).isEqualTo(4);
            // in the last 100 ms (target 1 or 0) at most 2 VUs were still starting iterations
            long lateFrom = t0 + ms(350).toNanos();
            List<RecordingVus.Start> late = h.recording().starts().stream().filter(s -> s.nanoTime() > lateFrom).toList();
            assertThat(late).allSatisfy(s -> assertThat(s.concurrent()).isLessThanOrEqualTo(2));
            assertThat(h.state().activeVus().get()).isZero();
        }
    }

    @ParameterizedTest(name = "start {0}, after {1} ms: {2} VUs")
    @CsvSource({"0, 0, 0", "0, 50, 5", "0, 99, 9", "0, 100, 10", "0, 150, 10", "0, 250, 5", "0, 400, 0",
        "10, 0, 10", "4, 10, 4"})
    void countsVusLinearlyWithinEachStage(int start, long elapsedMs, long expected) {
        RampingVus.Config config = new RampingVus.Config(start,
                List.of(new Stage(ms(100), 10), new Stage(ms(100), 10), new Stage(ms(100), 0)), Duration.ZERO);
        if (start == 4) {
            config = new RampingVus.Config(4, List.of(new Stage(ms(100), 4)), Duration.ZERO);
        }
        assertThat(config.vusAt(ms(elapsedMs))).isEqualTo(expected);
    }

    @Test
    void maxVusIsTheLargestTarget() {
        RampingVus.Config config = new RampingVus.Config(2, List.of(new Stage(ms(10), 7), new Stage(ms(10), 3)),
                Duration.ZERO);
        assertThat(new RampingVus(scenario(RampingVus.TYPE), config).maxVus()).isEqualTo(7);
    }
}
