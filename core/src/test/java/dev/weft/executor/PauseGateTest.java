package dev.weft.executor;

import static dev.weft.executor.ExecutorHarness.ms;
import static dev.weft.executor.ExecutorHarness.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.segment.ExecutionTuple;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PauseGateTest {
    private static Thread resumeAfter(PauseGate gate, long millis, long[] resumedAt) {
        return Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            resumedAt[0] = System.nanoTime();
            gate.resume();
        });
    }

    @Test
    void aPausedTestStartsNoIterationUntilResumed() throws Exception {
        PauseGate gate = new PauseGate(true);
        try (ExecutorHarness h = new ExecutorHarness().vus(2).iterationTime(ms(10))) {
            long[] resumedAt = new long[1];
            Thread resumer = resumeAfter(gate, 150, resumedAt);
            h.run(new ConstantVus(scenario(ConstantVus.TYPE), new ConstantVus.Config(2, ms(300)),
                    new Instance(ExecutionTuple.WHOLE, gate)));
            resumer.join();

            assertThat(h.recording().iterations()).isPositive();
            assertThat(h.recording().starts()).allSatisfy(s -> assertThat(s.nanoTime()).isGreaterThanOrEqualTo(resumedAt[0]));
        }
    }

    @Test
    void anArrivalRateScheduleWaitsWhilePausedAndKeepsItsCount() throws Exception {
        PauseGate gate = new PauseGate(true);
        try (ExecutorHarness h = new ExecutorHarness().vus(2)) {
            long[] resumedAt = new long[1];
            Thread resumer = resumeAfter(gate, 100, resumedAt);
            h.run(new ConstantArrivalRate(scenario(ConstantArrivalRate.TYPE),
                    new ConstantArrivalRate.Config(50, Duration.ofSeconds(1), ms(200), 1, 2),
                    new Instance(ExecutionTuple.WHOLE, gate)));
            resumer.join();

            assertThat(h.recording().iterations() + h.sum(dev.weft.metrics.BuiltinMetrics.DROPPED_ITERATIONS)).isEqualTo(10);
            assertThat(h.recording().starts()).allSatisfy(s -> assertThat(s.nanoTime()).isGreaterThanOrEqualTo(resumedAt[0]));
        }
    }

    @Test
    void pausingAndResumingFlipsTheState() {
        PauseGate gate = new PauseGate();
        assertThat(gate.isPaused()).isFalse();
        gate.setPaused(true);
        assertThat(gate.isPaused()).isTrue();
        gate.setPaused(false);
        assertThat(gate.isPaused()).isFalse();
    }
}
