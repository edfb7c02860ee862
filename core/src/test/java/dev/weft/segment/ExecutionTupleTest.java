package dev.weft.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExecutionTupleTest {
    private static ExecutionTuple tuple(String segment, String sequence) {
        return ExecutionTuple.parse(segment, sequence);
    }

    @ParameterizedTest(name = "{1} in {0}: start {2}, steps {3}, lcd {4}")
    @CsvSource(delimiter = ';', value = {
        // full sequences
        "0,0.3,0.5,0.6,0.7,0.8,0.9,1; 0:0.3; 0; 4 3 3; 10",
        "0,0.3,0.5,0.6,0.7,0.8,0.9,1; 0.3:0.5; 1; 4 6; 10",
        "0,0.3,0.5,0.6,0.7,0.8,0.9,1; 0.5:0.6; 2; 10; 10",
        "0,0.3,0.5,0.6,0.7,0.8,0.9,1; 0.6:0.7; 3; 10; 10",
        "0,0.3,0.5,0.6,0.7,0.8,0.9,1; 0.8:0.9; 8; 10; 10",
        "0,0.3,0.5,0.6,0.7,0.8,0.9,1; 0.9:1; 9; 10; 10",
        "0,0.2,0.5,0.6,0.7,0.8,0.9,1; 0.9:1; 9; 10; 10",
        "0,0.2,0.5,0.6,0.7,0.8,0.9,1; 0:0.2; 1; 4 6; 10",
        "0,0.2,0.5,0.6,0.7,0.8,0.9,1; 0.6:0.7; 3; 10; 10",
        // sequences that do not cover 0 to 1
        "0,0.2,0.5; 0:0.2; 3; 6 4; 10",
        "0,0.2,0.5; 0.2:0.5; 1; 4 2 4; 10",
        "0,2/5,4/5; 0:2/5; 0; 3 2; 5",
        "0,2/5,4/5; 2/5:4/5; 1; 3 2; 5",
        // no sequence
        "; 0:0.2; 1; 5; 5",
        "; 0:1/5; 1; 5; 5",
        "; 0:2/10; 1; 5; 5",
        "; 0:0.4; 1; 2 3; 5",
        "; 0:2/5; 1; 2 3; 5",
        "; 2/5:4/5; 1; 3 2; 5",
        "; 0:4/10; 1; 2 3; 5",
        "; 1/10:5/10; 1; 2 2 4 2; 10",
    })
    void stripesLikeK6(String sequence, String segment, long start, String steps, long lcd) {
        StripedSequence.StripedOffsets offsets = tuple(segment, sequence).stripedOffsets();
        assertThat(offsets.start()).isEqualTo(start);
        assertThat(offsets.steps()).containsExactly(Arrays.stream(steps.split(" ")).mapToLong(Long::parseLong).toArray());
        assertThat(offsets.lcd()).isEqualTo(lcd);
    }

    @ParameterizedTest(name = "{0} in [{1}]: {2} -> {3}")
    @CsvSource(delimiter = ';', value = {
        "0.5; ; 2; 1", "0.5; ; 3; 2",
        "0.5:1.0; ; 2; 1", "0.5:1.0; ; 3; 1",
        "0.5; 0,0.5,1; 2; 1", "0.5; 0,0.5,1; 3; 2",
        "0.5:1.0; 0,0.5,1; 2; 1", "0.5:1.0; 0,0.5,1; 3; 1",
        "0:7/20; 0,7/20,7/10,1; 50; 18",
        "; ; 50; 50", "; ; 1; 1", "; ; 0; 0",
        "0:1; 0,1; 50; 50",
        "0:1/3; 0,1/3,2/3,1; 50; 17", "0:1/3; 0,1/3,2/3,1; 3; 1", "0:1/3; 0,1/3,2/3,1; 2; 1",
        "0:1/3; 0,1/3,2/3,1; 1; 1", "0:1/3; 0,1/3,2/3,1; 0; 0",
        "1/3:2/3; 0,1/3,2/3,1; 50; 17", "1/3:2/3; 0,1/3,2/3,1; 3; 1", "1/3:2/3; 0,1/3,2/3,1; 2; 1",
        "1/3:2/3; 0,1/3,2/3,1; 1; 0",
        "2/3:1; 0,1/3,2/3,1; 50; 16", "2/3:1; 0,1/3,2/3,1; 3; 1", "2/3:1; 0,1/3,2/3,1; 2; 0",
        "2/3:1; 0,1/3,2/3,1; 1; 0",
    })
    void scalesWholeNumbers(String segment, String sequence, long value, long expected) {
        assertThat(tuple(segment, sequence).scale(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} re-dealt over {1}: scale({2}) = {3}")
    @CsvSource(delimiter = ';', value = {
        "0:1/3; 50; 50; 17", "0:1/3; 20; 50; 18", "0:1/3; 3; 50; 17", "0:1/3; 2; 50; 25", "0:1/3; 1; 50; 50",
        "0:1/3; 20; 1; 1",
        "1/3:2/3; 50; 50; 17", "1/3:2/3; 20; 50; 17", "1/3:2/3; 2; 50; 25", "1/3:2/3; 2; 1; 0",
        "2/3:1; 50; 50; 16", "2/3:1; 20; 50; 15", "2/3:1; 3; 50; 16",
    })
    void reDealingByAValueFollowsThatValuesShares(String segment, long value, long scaled, long expected) {
        assertThat(tuple(segment, "0,1/3,2/3,1").forValue(value).scale(scaled)).isEqualTo(expected);
    }

    @Test
    void reDealingTwentyVusBetweenThirdsGivesSevenSevenSix() {
        assertThat(tuple("0:1/3", "0,1/3,2/3,1").forValue(20).sequence().toString()).isEqualTo("0,7/20,7/10,1");
    }

    @ParameterizedTest(name = "{0} gets nothing of {1}")
    @CsvSource(delimiter = ';', value = {"1/3:2/3; 1", "2/3:1; 2", "2/3:1; 1", "0:1/3; 0"})
    void reDealingFailsWhenTheSegmentGetsNothing(String segment, long value) {
        assertThatThrownBy(() -> tuple(segment, "0,1/3,2/3,1").forValue(value)).isInstanceOf(SegmentException.class);
    }

    @Test
    void aSegmentMissingFromTheSequenceIsAnError() {
        assertThatThrownBy(() -> tuple("0:1/4", "0,1/3,2/3,1")).isInstanceOf(SegmentException.class)
                .hasMessageContaining("couldn't find segment 0:1/4");
    }

    @Test
    void sharesOfEverySegmentAddUpAndNeverShrink() {
        Random random = new Random(42);
        for (int run = 0; run < 20; run++) {
            ExecutionSegmentSequence sequence = randomSequence(random, 2 + random.nextInt(9), 200);
            List<ExecutionTuple> tuples = sequence.segments().stream().map(s -> ExecutionTuple.of(s, sequence)).toList();
            long[] last = new long[tuples.size()];
            for (long value = 0; value < 300; value++) {
                long sum = 0;
                for (int i = 0; i < tuples.size(); i++) {
                    long share = tuples.get(i).scale(value);
                    assertThat(share).as("%s of %d", sequence.get(i), value).isGreaterThanOrEqualTo(last[i]);
                    last[i] = share;
                    sum += share;
                }
                assertThat(sum).as("%s at %d", sequence, value).isEqualTo(value);
            }
        }
    }

    @Test
    void globalIndexesOfAllSegmentsCoverEveryItemOnce() {
        ExecutionSegmentSequence sequence = ExecutionSegmentSequence.parse("0,0.3,0.5,0.6,0.7,0.8,0.9,1");
        List<Long> all = new ArrayList<>();
        for (ExecutionSegment s : sequence.segments()) {
            ExecutionTuple t = ExecutionTuple.of(s, sequence);
            long count = t.scale(1000);
            LongStream.range(0, count).map(t::globalIndex).forEach(all::add);
        }
        assertThat(all).hasSize(1000).doesNotHaveDuplicates().allMatch(i -> i >= 0 && i < 1000);
    }

    @Test
    void globalIndexesWalkTheStripes() {
        // start 1, steps 4 and 6 in cycles of 10: items 1, 5, 11, 15, ...
        ExecutionTuple t = tuple("0.3:0.5", "0,0.3,0.5,0.6,0.7,0.8,0.9,1");
        assertThat(LongStream.range(0, 6).map(t::globalIndex).toArray()).containsExactly(1, 5, 11, 15, 21, 25);
        assertThat(tuple("1/2:1", "0,1/2,1").globalIndex(2)).isEqualTo(5);
        assertThat(ExecutionTuple.WHOLE.globalIndex(41)).isEqualTo(41);
    }

    private static ExecutionSegmentSequence randomSequence(Random random, int n, int m) {
        long[] numerators = new long[n];
        long denominator = 0;
        for (int i = 0; i < n; i++) {
            numerators[i] = 1 + random.nextInt(m);
            denominator += numerators[i];
        }
        List<ExecutionSegment> segments = new ArrayList<>();
        Rational from = Rational.ZERO;
        for (int i = 0; i < n; i++) {
            Rational to = i == n - 1 ? Rational.ONE : from.plus(Rational.of(numerators[i], denominator));
            segments.add(new ExecutionSegment(from, to));
            from = to;
        }
        return new ExecutionSegmentSequence(segments);
    }
}
