package dev.weft.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class K6DurationTest {
    @ParameterizedTest(name = "{0} is {1} ms")
    @CsvSource({"10s, 10000", "1m30s, 90000", "500ms, 500", "1.5s, 1500", "2h, 7200000", "250, 250", "1500us, 1.5"})
    void parsesGoStyleDurationsAndBareMilliseconds(String text, double millis) {
        assertThat(K6Duration.parse(text)).isEqualTo(Duration.ofNanos(Math.round(millis * 1e6)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ten seconds", "10x", "s10", "1m-3s"})
    void rejectsWhatIsNotADuration(String text) {
        assertThatThrownBy(() -> K6Duration.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
