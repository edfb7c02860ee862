package dev.weft.executor;

import static dev.weft.executor.ExecutorHarness.ms;
import static dev.weft.executor.ExecutorHarness.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.vu.IterationOutcome;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class ExternallyControlledTest {
    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void followsVuChangesMadeWhileItRuns() throws Exception {
        try (ExecutorHarness h = new ExecutorHarness().vus(3).iterationTime(ms(10))) {
            ExternallyControlled e = new ExternallyControlled(scenario(ExternallyControlled.TYPE),
                    new ExternallyControlled.Config(1, 3, Duration.ZERO));
            Thread controller = Thread.ofVirtual().start(() -> {
                try {
                    waitFor(() -> h.recording().iterations() > 0);
                    e.update(3, null);
                    waitFor(() -> h.recording().maxConcurrent() == 3);
                    e.update(0, null);
                    waitFor(() -> h.state().activeVus().get() == 0);
                    h.state().stop();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            });
            h.run(e);
            controller.join();

            assertThat(h.recording().maxConcurrent()).isEqualTo(3);
            assertThat(e.currentConfig().vus()).isZero();
            assertThat(h.state().activeVus().get()).isZero();
        }
    }

    @Test
    void takingVusAwayInterruptsTheirIterations() throws Exception {
        try (ExecutorHarness h = new ExecutorHarness().vus(2).iterationTime(ms(5_000))) {
            ExternallyControlled e = new ExternallyControlled(scenario(ExternallyControlled.TYPE),
                    new ExternallyControlled.Config(2, 2, ms(400)));
            Thread.ofVirtual().start(() -> {
                try {
                    waitFor(() -> h.recording().concurrentNow() == 2);
                    e.update(1, null);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            });
            var took = h.run(e);

            assertThat(took).isLessThan(Duration.ofSeconds(4));
            assertThat(h.recording().count(IterationOutcome.INTERRUPTED)).isEqualTo(2);
        }
    }

    @Test
    void rejectsChangesK6Rejects() {
        ExternallyControlled e = new ExternallyControlled(scenario(ExternallyControlled.TYPE),
                new ExternallyControlled.Config(2, 5, Duration.ZERO));
        assertThatThrownBy(() -> e.update(6, null)).hasMessageContaining("must be less than or equal to the number of maxVUs");
        assertThatThrownBy(() -> e.update(null, 4)).hasMessageContaining("cannot be lower than the starting number");
        assertThatThrownBy(() -> e.update(-1, null)).hasMessageContaining("can't be negative");
        assertThat(e.update(4, 5).vus()).isEqualTo(4);
    }
}
