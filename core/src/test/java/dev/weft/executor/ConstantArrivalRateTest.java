package dev.weft.executor;

import static dev.weft.executor.ExecutorHarness.ms;
import static dev.weft.executor.ExecutorHarness.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.metrics.BuiltinMetrics;
import dev.weft.segment.ExecutionTuple;
import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ConstantArrivalRateTest {
    private static ConstantArrivalRate executor(long rate, Duration duration, int pre, int max) {
        return new ConstantArrivalRate(scenario(ConstantArrivalRate.TYPE, ms(1000)),
                new ConstantArrivalRate.Config(rate, Duration.ofSeconds(1), duration, pre, max));
    }

    @Test
    void startsExactlyRateTimesDurationIterations() throws Exception {
        try (ExecutorHarness h = new ExecutorHarness().vus(10)) {
            // 50/s: starts at 0, 20, ..., 380 ms; a stall of the machine may drop a few, never lose one
            h.run(executor(50, ms(400), 10, 10));

            int ran = h.recording().iterations();
            assertThat(ran + h.sum(BuiltinMetrics.DROPPED_ITERATIONS)).isEqualTo(20);
            assertThat(ran).isGreaterThanOrEqualTo(15);
            assertThat(h.recording().scenarioIterations()).containsExactlyElementsOf(LongStream.range(0, ran).boxed().toList());
        }
    }

    @Test
    void startsOnScheduleWhetherOrNotEarlierIterationsFinished() throws Exception {
        try (ExecutorHarness h = new ExecutorHarness().vus(10).iterationTime(ms(100))) {
            long t0 = System.nanoTime();
            h.run(executor(50, ms(300), 10, 10));

            // each iteration takes 100 ms but they start every 20 ms: about 5 run at once
            assertThat(h.recording().iterations() + h.sum(BuiltinMetrics.DROPPED_ITERATIONS)).isEqualTo(15);
            assertThat(h.recording().maxConcurrent()).isBetween(4, 7);
            var starts = h.recording().starts();
            long lastStartMs = (starts.get(starts.size() - 1).nanoTime() - t0) / 1_000_000;
            assertThat(lastStartMs).isBetween(270L, 500L);
        }
    }

    @Test
    void takesVusBeyondThePreAllocatedOnesUpToMaxVus() throws Exception {
        try (ExecutorHarness h = new ExecutorHarness().vus(6).iterationTime(ms(30))) {
            // a start every 10 ms, each busy for 30 ms: three or four VUs at once
            h.run(executor(100, ms(300), 1, 6));

            assertThat(h.recording().iterations() + h.sum(BuiltinMetrics.DROPPED_ITERATIONS)).isEqualTo(30);
            assertThat(h.recording().iterationsPerVu().size()).isBetween(3, 6);
        }
    }

    @Test
    void startsThatFindNoFreeVuAreDroppedAndCounted() throws Exception {
        try (ExecutorHarness h = new ExecutorHarness().vus(2).iterationTime(ms(500))) {
            // 100/s for 300 ms is 30 starts; two VUs busy for 500 ms take the first two only
            h.run(executor(100, ms(300), 1, 2));

            assertThat(h.recording().iterations()).isEqualTo(2);
            assertThat(h.sum(BuiltinMetrics.DROPPED_ITERATIONS)).isEqualTo(28);
            assertThat(h.samplesOf(BuiltinMetrics.DROPPED_ITERATIONS))
                    .allSatisfy(s -> assertThat(s.tags().get("scenario")).isEqualTo("s1"));
            assertThat(h.state().completedIterations()).isEqualTo(2);
        }
    }

    @Test
    void theTimeUnitDividesTheRate() throws Exception {
        try (ExecutorHarness h = new ExecutorHarness().vus(1)) {
            // 4 per 100 ms for 200 ms: 8 starts
            h.run(new ConstantArrivalRate(scenario(ConstantArrivalRate.TYPE),
                    new ConstantArrivalRate.Config(4, ms(100), ms(200), 1, 1)));
            assertThat(h.recording().iterations()).isEqualTo(8);
        }
    }

    @Test
    void inASegmentItStartsOnlyItsShareAndTheSharesMakeTheWhole() throws Exception {
        String sequence = "0,1/3,2/3,1";
        long total = 0;
        java.util.List<Long> numbers = new java.util.ArrayList<>();
        for (String segment : new String[] {"0:1/3", "1/3:2/3", "2/3:1"}) {
            Instance instance = new Instance(ExecutionTuple.parse(segment, sequence), new PauseGate());
            try (ExecutorHarness h = new ExecutorHarness().vus(3)) {
                ConstantArrivalRate e = new ConstantArrivalRate(scenario(ConstantArrivalRate.TYPE),
                        new ConstantArrivalRate.Config(100, Duration.ofSeconds(1), ms(250), 3, 9), instance);
                assertThat(e.maxVus()).isEqualTo(3);
                h.run(e);
                total += h.recording().iterations() + (long) h.sum(BuiltinMetrics.DROPPED_ITERATIONS);
                if (h.samplesOf(BuiltinMetrics.DROPPED_ITERATIONS).isEmpty()) {
                    numbers.addAll(h.recording().scenarioIterations());
                }
            }
        }
        assertThat(total).isEqualTo(25);
        assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n >= 0 && n < 25);
    }
}
