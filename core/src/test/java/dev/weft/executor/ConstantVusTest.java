package dev.weft.executor;

import static dev.weft.executor.ExecutorHarness.ms;
import static dev.weft.executor.ExecutorHarness.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.metrics.BuiltinMetrics;
import dev.weft.vu.IterationOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConstantVusTest {
    @Test
    void runsTheGivenVusForTheDurationThenStops() throws Exception {
        try (ExecutorHarness h = new ExecutorHarness().vus(3).iterationTime(ms(20))) {
            Duration took = h.run(new ConstantVus(scenario(ConstantVus.TYPE), new ConstantVus.Config(3, ms(300))));

            assertThat(h.recording().iterationsPerVu()).containsOnlyKeys(1, 2, 3);
            assertThat(h.recording().maxConcurrent()).isEqualTo(3);
            assertThat(h.recording().iterations()).isBetween(6, 60);
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertThat(h.state().activeVus().get()).isZero();
            assertThat(h.state().completedIterations()).isEqualTo(h.recording().iterations());
        }
    }

    @Test
    void eachVuRunsOnItsOwnThreadWithItsOwnIterationNumbers() throws Exception {
        try (ExecutorHarness h = new ExecutorHarness().vus(2).iterationTime(ms(10))) {
            h.run(new ConstantVus(scenario(ConstantVus.TYPE), new ConstantVus.Config(2, ms(150))));

            for (var start : h.recording().starts()) {
                assertThat(start.thread()).isEqualTo("vu-" + start.vuId());
            }
            var firstOfVu1 = h.recording().starts().stream().filter(s -> s.vuId() == 1).toList();
            assertThat(firstOfVu1).extracting(s -> s.context().vuIteration())
                    .containsExactly(java.util.stream.LongStream.range(0, firstOfVu1.size()).boxed().toArray(Long[]::new));
            assertThat(h.recording().scenarioIterations()).doesNotHaveDuplicates();
        }
    }

    @Test
    void iterationsCarryScenarioTagsAndSetupData() throws Exception {
        try (ExecutorHarness h = new ExecutorHarness().vus(1).iterationTime(ms(10))) {
            h.run(new ConstantVus(scenario(ConstantVus.TYPE), new ConstantVus.Config(1, ms(100))));

            assertThat(h.recording().starts()).allSatisfy(s -> {
                assertThat(s.context().setupData()).isEqualTo("{\"token\":42}");
                assertThat(s.context().scenario()).isEqualTo("s1");
                assertThat(s.context().tags().map()).containsEntry("scenario", "s1").containsEntry("team", "a")
                        .containsEntry("testid", "t1");
            });
            assertThat(h.sum(BuiltinMetrics.ITERATIONS)).isEqualTo(h.recording().iterations());
            assertThat(h.samplesOf(BuiltinMetrics.ITERATION_DURATION)).hasSize(h.recording().iterations());
        }
    }

    @Test
    void aFailingIterationIsCountedAndTheVuGoesOn() throws Exception {
        try (ExecutorHarness h = new ExecutorHarness().vus(1).iterationTime(ms(10))) {
            h.factory.throwWhen(c -> c.vuIteration() == 0);
            h.run(new ConstantVus(scenario(ConstantVus.TYPE), new ConstantVus.Config(1, ms(100))));

            assertThat(h.recording().count(IterationOutcome.FAILED)).isEqualTo(1);
            assertThat(h.recording().iterations()).isGreaterThan(1);
            assertThat(h.sum(BuiltinMetrics.ITERATIONS)).isEqualTo(h.recording().iterations());
        }
    }

    @Test
    void stoppingTheTestStartsNoNewIterations() throws Exception {
        try (ExecutorHarness h = new ExecutorHarness().vus(2).iterationTime(ms(10))) {
            Thread stopper = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
                h.state().stop();
            });
            Duration took = h.run(new ConstantVus(scenario(ConstantVus.TYPE), new ConstantVus.Config(2, ms(10_000))));
            stopper.join();
            int atStop = h.recording().iterations();

            assertThat(took).isLessThan(Duration.ofSeconds(5));
            Thread.sleep(50);
            assertThat(h.recording().iterations()).isEqualTo(atStop);
            assertThat(h.state().activeVus().get()).isZero();
        }
    }

    @Test
    void scriptAbortStopsTheTest() throws Exception {
        try (ExecutorHarness h = new ExecutorHarness().vus(2).iterationTime(ms(5))) {
            h.factory.abortWhen(c -> c.scenarioIteration() == 3);
            Duration took = h.run(new ConstantVus(scenario(ConstantVus.TYPE), new ConstantVus.Config(2, ms(10_000))));

            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertThat(h.state().abortedByScript()).isTrue();
            assertThat(h.state().stopping()).isTrue();
        }
    }
}
