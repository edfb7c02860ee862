package dev.weft.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioBarsTest {
    @Test
    void bars_line_up_names_marks_and_right_columns_as_k6_prints_them_when_piped() {
        List<String> lines = ScenarioBars.align(List.of(
                new ScenarioBars.Bar("a", ' ', 0.51, List.of("2 VUs", "1.0s/2s")),
                new ScenarioBars.Bar("b", '✓', 1, List.of("1 VUs", "00m00.2s/10m0s", "3/3 iters, 3 per VU"))), 0);
        assertThat(lines).containsExactly(
                "a      [  51% ] 2 VUs  1.0s/2s        ",
                "b    ✓ [ 100% ] 1 VUs  00m00.2s/10m0s  3/3 iters, 3 per VU");
    }

    @ParameterizedTest(name = "{0} of {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0    | 12 | [----------]
            0.05 | 12 | [----------]
            0.5  | 12 | [====>-----]
            1    | 12 | [==========]
            0.42 | 8  | [  42% ]
            """)
    void a_bar_fills_with_a_caret_and_narrow_ones_show_a_percentage(double fraction, int width, String expected) {
        assertThat(ScenarioBars.progress(fraction, width)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} under {1}")
    @CsvSource({"1000,2000,1.0s", "200,600000,00m00.2s", "65300,300000,1m05.3s", "5000,30000,05.0s",
            "3905000,7200000,1h05m05.0s"})
    void elapsed_time_has_a_fixed_length_for_its_total(long ms, long totalMs, String expected) {
        assertThat(ScenarioBars.fixedLength(Duration.ofMillis(ms), Duration.ofMillis(totalMs))).isEqualTo(expected);
    }
}
