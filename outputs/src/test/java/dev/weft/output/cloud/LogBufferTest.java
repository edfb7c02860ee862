package dev.weft.output.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cloud.wire.LogBatch;
import dev.weft.output.LogLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogBufferTest {
    private static LogLine line(String text) {
        return new LogLine(1000, "info", text, new LogLine.Origin("console", 2, 5L, "default"));
    }

    @Test
    void linesAreNumberedFromOneAndKeepWhereTheyCameFrom() {
        LogBuffer buffer = new LogBuffer(10);
        buffer.add(line("a"));
        buffer.add(line("b"));

        List<LogBatch.Line> taken = buffer.take(10).lines();

        assertThat(taken).extracting(LogBatch.Line::seq).containsExactly(1L, 2L);
        assertThat(taken.getFirst()).isEqualTo(new LogBatch.Line(1, 1000, "info", "a", "console", 2, 5L, "default"));
        assertThat(buffer.size()).isZero();
    }

    @Test
    void aFullBufferDropsAndCountsLinesAndOneNoteStandsWhereTheyWereMissing() {
        LogBuffer buffer = new LogBuffer(3);
        for (int i = 1; i <= 10; i++) {
            assertThat(buffer.add(line("l" + i))).isTrue();
        }
        buffer.take(2);
        buffer.add(line("after"));

        LogBuffer.Taken taken = buffer.take(100);

        assertThat(buffer.accepted()).isEqualTo(4);
        assertThat(buffer.droppedFull()).isEqualTo(7);
        assertThat(taken.notes()).isEqualTo(1);
        assertThat(taken.logged()).isEqualTo(2);
        assertThat(taken.lines()).extracting(LogBatch.Line::message).containsExactly("l3",
                "7 log lines were dropped here: the runner's log buffer (3 lines) was full while the service was slow "
                        + "or unreachable", "after");
        assertThat(taken.lines()).extracting(LogBatch.Line::seq).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void longMessagesAreCutAndSaySo() {
        LogBuffer buffer = new LogBuffer(1);
        buffer.add(line("x".repeat(LogBuffer.MAX_MESSAGE_CHARS + 10)));

        String message = buffer.take(1).lines().getFirst().message();

        assertThat(message).startsWith("x".repeat(LogBuffer.MAX_MESSAGE_CHARS))
                .endsWith("[cut: " + (LogBuffer.MAX_MESSAGE_CHARS + 10) + " characters]");
    }

    @Test
    void aClosedBufferTakesNothingAndSaysHowManyLinesWereLeft() {
        LogBuffer buffer = new LogBuffer(2);
        buffer.add(line("a"));
        buffer.add(line("b"));
        buffer.add(line("dropped"));

        assertThat(buffer.close()).isEqualTo(2);
        assertThat(buffer.add(line("late"))).isFalse();
        assertThat(buffer.take(10).lines()).isEmpty();
    }
}
