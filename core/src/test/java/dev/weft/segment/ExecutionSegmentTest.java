package dev.weft.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExecutionSegmentTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "0:1, 0:1",
        "0.5:0.75, 1/2:3/4",
        "1/2:3/4, 1/2:3/4",
        "50%:75%, 1/2:3/4",
        "2/4:75%, 1/2:3/4",
        "75%, 0:3/4",
        "0.2, 0:1/5",
        "'', 0:1",
    })
    void parsesFractionsDecimalsAndPercentages(String text, String expected) {
        ExecutionSegment segment = ExecutionSegment.parse(text);
        assertThat(segment.toString()).isEqualTo(expected);
        assertThat(ExecutionSegment.parse(segment.toString())).isEqualTo(segment);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"125%", "1a5%", "1a5", "1a5%:2/3", "125%:250%", "55%:50%", "1/2:1/2", "-1:1", "0:2"})
    void rejectsMalformedOrOutOfRangeSegments(String text) {
        assertThatThrownBy(() -> ExecutionSegment.parse(text)).isInstanceOf(SegmentException.class);
    }

    @Test
    void splitsIntoEqualConsecutiveParts() {
        assertThat(ExecutionSegment.WHOLE.split(3)).map(Object::toString).containsExactly("0:1/3", "1/3:2/3", "2/3:1");
        ExecutionSegment secondQuarter = ExecutionSegment.parse("1/4:2/4");
        assertThat(secondQuarter.split(3)).map(Object::toString).containsExactly("1/4:1/3", "1/3:5/12", "5/12:1/2");
        assertThat(secondQuarter.split(4)).map(Object::toString)
                .containsExactly("1/4:5/16", "5/16:3/8", "3/8:7/16", "7/16:1/2");
        assertThatThrownBy(() -> ExecutionSegment.WHOLE.split(0)).isInstanceOf(SegmentException.class);
    }

    @Test
    void aSubSegmentIsTakenFromTheParentsRange() {
        assertThat(ExecutionSegment.parse("1/2:1").subSegment(ExecutionSegment.parse("0:1/2")).toString())
                .isEqualTo("1/2:3/4");
    }

    @ParameterizedTest(name = "{0} of {1} is {2}")
    @CsvSource({
        "0:0.25, 2, 1", "0:0.25, 3, 1",
        "0.25:0.5, 2, 0", "0.25:0.5, 3, 1",
        "0.5:0.75, 2, 1", "0.5:0.75, 3, 0",
        "0.75:1, 2, 0", "0.75:1, 3, 1",
    })
    void scalesAloneByRounding(String segment, long value, long expected) {
        assertThat(ExecutionSegment.parse(segment).scale(value)).isEqualTo(expected);
    }

    @Test
    void sharesOfAdjacentSegmentsAddUpToTheWhole() {
        List<ExecutionSegment> parts = ExecutionSegmentSequence.parse("0,3/20,1/3,1/2,7/9,1").segments();
        for (long value = 0; value < 200; value++) {
            long v = value;
            assertThat(parts.stream().mapToLong(p -> p.scale(v)).sum()).as("value %d", v).isEqualTo(v);
        }
    }
}
