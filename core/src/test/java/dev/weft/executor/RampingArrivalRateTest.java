package dev.weft.executor;

import static dev.weft.executor.ExecutorHarness.ms;
import static dev.weft.executor.ExecutorHarness.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.metrics.BuiltinMetrics;
import dev.weft.segment.ExecutionTuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RampingArrivalRateTest {
    /** k6's schedule test: 0 → 1/s over 5 s, 1/s for 1 s, → 0 over 5 s. */
    private static final List<Stage> UP_FLAT_DOWN = List.of(new Stage(Duration.ofSeconds(5), 1),
            new Stage(Duration.ofSeconds(1), 1), new Stage(Duration.ofSeconds(5), 0));

    @ParameterizedTest(name = "{0} in [{1}] per {2} ns")
    @CsvSource(delimiter = ';', value = {
        "; ; 1000000000; 3162 4472 5500 6527 7837 11000",
        "0:1/3; ; 1000000000; 4472 7837",
        "0:1/3; 0,1/3,1; 1000000000; 4472 7837",
        "1/3:2/3; ; 1000000000; 4472 7837",
        "2/3:1; ; 1000000000; 4472 7837",
        "0:1/3; 0,1/3,2/3,1; 1000000000; 3162 6527",
        "1/3:2/3; 0,1/3,2/3,1; 1000000000; 4472 7837",
        "2/3:1; 0,1/3,2/3,1; 1000000000; 5500 11000",
        "; ; 333333333; 1825 2581 3162 3651 4082 4472 4830 5166 5499 5833 6169 6527 6917 7348 7837 8418 9174 10999",
    })
    void startTimesFollowTheAreaUnderTheRate(String segment, String sequence, long timeUnit, String expected) {
        ArrivalSchedule schedule = new RampingRateSchedule(0, timeUnit, UP_FLAT_DOWN,
                ExecutionTuple.parse(segment, sequence).stripedOffsets());
        List<Long> times = new ArrayList<>();
        for (long t = schedule.next(); t >= 0; t = schedule.next()) {
            times.add(t);
        }
        long[] want = Arrays.stream(expected.split(" ")).mapToLong(Long::parseLong).toArray();
        assertThat(times).hasSize(want.length);
        for (int i = 0; i < want.length; i++) {
            double wantNanos = want[i] * 1e6;
            assertThat((double) times.get(i)).as("start %d", i).isBetween(wantNanos * 0.999, wantNanos * 1.001);
        }
    }

    @ParameterizedTest(name = "{1} of {0}")
    @CsvSource(delimiter = ';', value = {
        "0,1/4,3/4,1; 0:1/4; 1 6 11 16",
        "0,1/4,3/4,1; 1/4:3/4; 0 2 4 5 7 9 10 12 14 15 17 19 20",
        "0,1/4,3/4,1; 3/4:1; 3 8 13 18",
    })
    void eachSegmentNumbersItsIterationsAsK6Does(String sequence, String segment, String expected) {
        // k6's case: per 950 ms, 0 → 20 over 1 s then → 0 over 1 s, maxVUs 5
        List<Stage> stages = List.of(new Stage(Duration.ofSeconds(1), 20), new Stage(Duration.ofSeconds(1), 0));
        ExecutionTuple iterationTuple = ExecutionTuple.parse(segment, sequence).forValue(5);
        ArrivalSchedule schedule = new RampingRateSchedule(0, ms(950).toNanos(), stages, iterationTuple.stripedOffsets());
        ScenarioIterations numbers = new ScenarioIterations(iterationTuple);
        List<Long> got = new ArrayList<>();
        for (long t = schedule.next(); t >= 0 && t < Duration.ofSeconds(2).toNanos(); t = schedule.next()) {
            got.add(numbers.next());
        }
        assertThat(got).containsExactly(Arrays.stream(expected.split(" ")).map(Long::valueOf).toArray(Long[]::new));
    }

    @Test
    void aSegmentWithNoShareOfTheVusHasNoWork() {
        RampingArrivalRate e = new RampingArrivalRate(scenario(RampingArrivalRate.TYPE),
                new RampingArrivalRate.Config(1, Duration.ofSeconds(1), List.of(new Stage(Duration.ofSeconds(1), 1)), 0, 2),
                new Instance(ExecutionTuple.parse("1/5:2/5", "0,1/5,2/5,1"), new PauseGate()));
        assertThat(e.maxVus()).isZero();
    }

    @Test
    void rampsTheRateUpAndDown() throws Exception {
        try (ExecutorHarness h = new ExecutorHarness().vus(3)) {
            // 0 → 100/s over 200 ms: 10 starts; 100/s for 100 ms: 10; → 0 over 200 ms: 10
            RampingArrivalRate e = new RampingArrivalRate(scenario(RampingArrivalRate.TYPE),
                    new RampingArrivalRate.Config(0, Duration.ofSeconds(1),
                            List.of(new Stage(ms(200), 100), new Stage(ms(100), 100), new Stage(ms(200), 0)), 1, 3));
            long t0 = System.nanoTime();
            h.run(e);

            // a start due in the last milliseconds may meet the scenario's end on a busy machine
            assertThat(h.recording().iterations() + h.sum(BuiltinMetrics.DROPPED_ITERATIONS)).isBetween(28.0, 30.0);
            long inMiddle = h.recording().starts().stream()
                    .filter(s -> s.nanoTime() - t0 >= ms(200).toNanos() && s.nanoTime() - t0 < ms(300).toNanos()).count();
            assertThat(inMiddle).isBetween(6L, 14L);
        }
    }
}
