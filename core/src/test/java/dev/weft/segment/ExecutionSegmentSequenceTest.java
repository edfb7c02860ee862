package dev.weft.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExecutionSegmentSequenceTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = ';', value = {
        "0.5,1; 1/2:1",
        "1/2,1; 1/2:1",
        "1/3,2/3; 1/3:2/3",
        "0,1/3,2/3; 0:1/3 1/3:2/3",
        "0,1/3,2/3,1; 0:1/3 1/3:2/3 2/3:1",
        "0.5,0.7; 1/2:7/10",
        "0.5,0.7,1; 1/2:7/10 7/10:1",
        "0,1/13,2/13,1/3,1/2,3/4,1; 0:1/13 1/13:2/13 2/13:1/3 1/3:1/2 1/2:3/4 3/4:1",
        "0,25%,1; 0:1/4 1/4:1",
    })
    void parsesPointsIntoSegments(String text, String expected) {
        ExecutionSegmentSequence sequence = ExecutionSegmentSequence.parse(text);
        assertThat(sequence.segments()).map(Object::toString).containsExactly(expected.split(" "));
        assertThat(ExecutionSegmentSequence.parse(sequence.toString())).isEqualTo(sequence);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0.5", "1,1", "-0.5,1", "1/2,1/2", "1/2,1/3", "0,1,1/2", "0,x,1"})
    void rejectsBadSequences(String text) {
        assertThatThrownBy(() -> ExecutionSegmentSequence.parse(text)).isInstanceOf(SegmentException.class);
    }

    @Test
    void emptyTextMeansNoSequence() {
        assertThat(ExecutionSegmentSequence.parse("")).isEqualTo(ExecutionSegmentSequence.NONE);
    }

    @Test
    void segmentsWithAGapAreNotASequence() {
        assertThatThrownBy(() -> new ExecutionSegmentSequence(List.of(ExecutionSegment.parse("0:1/3"),
                ExecutionSegment.parse("1/2:1")))).isInstanceOf(SegmentException.class);
    }

    @ParameterizedTest(name = "{0} has lcd {1}")
    @CsvSource(delimiter = ';', value = {
        "0,0.3,0.5,0.6,0.7,0.8,0.9,1; 10",
        "0,0.1,0.5,0.6,0.7,0.8,0.9,1; 10",
        "0,0.2,0.5,0.6,0.7,0.8,0.9,1; 10",
        "0,1/3,5/6; 6",
        "0,1/3,4/7; 21",
    })
    void findsTheLeastCommonDenominator(String text, long lcd) {
        assertThat(ExecutionSegmentSequence.parse(text).lcd()).isEqualTo(lcd);
    }

    @Test
    void fillingAddsTheGapsBeforeAndAfter() {
        assertThat(ExecutionSegmentSequence.parse("0.2,0.5").filled(null).toString()).isEqualTo("0,1/5,1/2,1");
        assertThat(ExecutionSegmentSequence.NONE.filled(ExecutionSegment.parse("1/3:2/3")).toString())
                .isEqualTo("0,1/3,2/3,1");
        assertThat(ExecutionSegmentSequence.NONE.filled(null).toString()).isEqualTo("0,1");
    }
}
