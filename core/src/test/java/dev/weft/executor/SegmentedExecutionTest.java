package dev.weft.executor;

import static dev.weft.executor.ExecutorHarness.ms;
import static dev.weft.executor.ExecutorHarness.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.segment.ExecutionTuple;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Instances running the segments of one sequence together run exactly the one-instance test. */
class SegmentedExecutionTest {
    private static final String SEQUENCE = "0,1/4,1/2,1";
    private static final String[] SEGMENTS = {"0:1/4", "1/4:1/2", "1/2:1"};

    private static Instance instance(String segment) {
        return new Instance(ExecutionTuple.parse(segment, SEQUENCE), new PauseGate());
    }

    @Test
    void sharedIterationsSplitExactlyAndNumberTheirIterationsApart() throws Exception {
        int vus = 0;
        List<Long> numbers = new ArrayList<>();
        for (String segment : SEGMENTS) {
            SharedIterations e = new SharedIterations(scenario(SharedIterations.TYPE),
                    new SharedIterations.Config(7, 50, SharedIterations.DEFAULT_MAX_DURATION), instance(segment));
            vus += e.maxVus();
            try (ExecutorHarness h = new ExecutorHarness().vus(Math.max(1, e.maxVus()))) {
                h.run(e);
                assertThat(h.recording().iterations()).isEqualTo((int) e.iterations());
                numbers.addAll(h.recording().scenarioIterations());
            }
        }
        assertThat(vus).isEqualTo(7);
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(LongStream.range(0, 50).boxed().toList());
    }

    @Test
    void perVuIterationsSplitTheVus() throws Exception {
        int iterations = 0;
        for (String segment : SEGMENTS) {
            PerVuIterations e = new PerVuIterations(scenario(PerVuIterations.TYPE),
                    new PerVuIterations.Config(5, 3, SharedIterations.DEFAULT_MAX_DURATION), instance(segment));
            try (ExecutorHarness h = new ExecutorHarness().vus(Math.max(1, e.maxVus()))) {
                h.run(e);
                iterations += h.recording().iterations();
            }
        }
        assertThat(iterations).isEqualTo(15);
    }

    @Test
    void constantVusSplitTheVus() throws Exception {
        int seen = 0;
        for (String segment : SEGMENTS) {
            ConstantVus e = new ConstantVus(scenario(ConstantVus.TYPE), new ConstantVus.Config(9, ms(100)), instance(segment));
            try (ExecutorHarness h = new ExecutorHarness().vus(Math.max(1, e.maxVus())).iterationTime(ms(20))) {
                h.run(e);
                seen += h.recording().iterationsPerVu().size();
            }
        }
        assertThat(seen).isEqualTo(9);
    }
}
