package dev.weft.executor;

import static dev.weft.executor.ExecutorHarness.ms;
import static dev.weft.executor.ExecutorHarness.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.metrics.BuiltinMetrics;
import dev.weft.vu.IterationOutcome;
import org.junit.jupiter.api.Test;

class GracefulStopTest {
    @Test
    void iterationsInFlightAtTheEndMayFinishWithinTheGracefulStop() throws Exception {
        try (ExecutorHarness h = new ExecutorHarness().vus(2).iterationTime(ms(150))) {
            h.run(new ConstantVus(scenario(ConstantVus.TYPE, ms(1000)), new ConstantVus.Config(2, ms(200))));

            assertThat(h.recording().count(IterationOutcome.INTERRUPTED)).isZero();
            assertThat(h.recording().count(IterationOutcome.COMPLETED)).isEqualTo(h.recording().iterations());
            assertThat(h.state().interruptedIterations()).isZero();
        }
    }

    @Test
    void iterationsRunningPastTheGracefulStopAreInterruptedAndNotCounted() throws Exception {
        try (ExecutorHarness h = new ExecutorHarness().vus(2).iterationTime(ms(5_000))) {
            var took = h.run(new ConstantVus(scenario(ConstantVus.TYPE, ms(100)), new ConstantVus.Config(2, ms(100))));

            assertThat(took).isLessThan(java.time.Duration.ofSeconds(4));
            assertThat(h.recording().count(IterationOutcome.INTERRUPTED)).isEqualTo(2);
            assertThat(h.state().interruptedIterations()).isEqualTo(2);
            assertThat(h.state().completedIterations()).isZero();
            assertThat(h.samplesOf(BuiltinMetrics.ITERATIONS)).isEmpty();
            assertThat(h.state().activeVus().get()).isZero();
        }
    }

    @Test
    void aTestStopShortensTheWaitToTheGracefulStop() throws Exception {
        try (ExecutorHarness h = new ExecutorHarness().vus(1).iterationTime(ms(5_000))) {
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
                h.state().stop();
            });
            var took = h.run(new ConstantVus(scenario(ConstantVus.TYPE, ms(100)), new ConstantVus.Config(1, ms(60_000))));

            assertThat(took).isLessThan(java.time.Duration.ofSeconds(4));
            assertThat(h.recording().count(IterationOutcome.INTERRUPTED)).isEqualTo(1);
        }
    }
}
