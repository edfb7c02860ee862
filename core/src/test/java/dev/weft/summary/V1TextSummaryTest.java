package dev.weft.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class V1TextSummaryTest {
    private static final String THRESHOLDS_AND_TOTALS = """

              █ THRESHOLDS\s

                checks
                ✗ 'rate>0.9' rate=72.72%

                http_req_duration
                ✓ 'p(95)<200' p(95)=25ms


              █ TOTAL RESULTS\s

                checks_total.......: 22     2.2/s
                checks_succeeded...: 72.72% 16 out of 22
                checks_failed......: 27.27% 6 out of 22

                ✓ status is 200
                ✗ body ok
                  ↳  50% — ✓ 5 / ✗ 5
                ✗ logged in
                  ↳  0% — ✓ 0 / ✗ 1
                ✓ setup ok

                HTTP
                http_req_duration..............: avg=8.63ms min=1ms med=6ms   max=40ms p(90)=10ms  p(95)=25ms \s
                  { expected_response:true }...: avg=5.5ms  min=1ms med=5.5ms max=10ms p(90)=9.1ms p(95)=9.54ms
                http_reqs......................: 10     1/s

                EXECUTION
                vus............................: 3      min=1   max=5

                NETWORK
                data_received..................: 5.2 kB 520 B/s

            """;

    private final SummaryFixture run = new SummaryFixture().withScenarioAndSetup();

    private String render(SummaryMode mode, boolean colors) {
        ScopedResults scoped = mode == SummaryMode.FULL ? run.scopes : run.totals;
        SummaryReport report = SummaryReport.build(mode, run.aggregates, scoped, run.thresholds,
                SummaryOptions.defaults(), Duration.ofSeconds(10));
        return V1TextSummary.render(report, SummaryOptions.defaults(), colors);
    }

    @Test
    void compact_mode_prints_thresholds_with_their_values_then_the_total_results_by_section() {
        assertThat(render(SummaryMode.COMPACT, false)).isEqualTo(THRESHOLDS_AND_TOTALS);
    }

    @Test
    void full_mode_adds_the_default_scenarios_groups_and_each_named_scenario_with_its_groups() {
        assertThat(render(SummaryMode.FULL, false)).isEqualTo(THRESHOLDS_AND_TOTALS + """

                  █ GROUP: my group\s

                    checks_total.......: 10     1/s
                    checks_succeeded...: 50.00% 5 out of 10
                    checks_failed......: 50.00% 5 out of 10

                    ✗ body ok
                      ↳  50% — ✓ 5 / ✗ 5

                    ↳ GROUP: inner\s


                  █ SCENARIO: api\s

                    checks_total.......: 1       0.1/s
                    checks_succeeded...: 0.00%   0 out of 1
                    checks_failed......: 100.00% 1 out of 1

                    ✗ logged in
                      ↳  0% — ✓ 0 / ✗ 1

                    HTTP
                    http_req_duration...: avg=40ms min=40ms med=40ms max=40ms p(90)=40ms p(95)=40ms

                    ↳ GROUP: login\s

                      checks_total.......: 1       0.1/s
                      checks_succeeded...: 0.00%   0 out of 1
                      checks_failed......: 100.00% 1 out of 1

                      ✗ logged in
                          ↳  0% — ✓ 0 / ✗ 1

                      HTTP
                      http_req_duration...: avg=40ms min=40ms med=40ms max=40ms p(90)=40ms p(95)=40ms

                """);
    }

    @Test
    void colours_decorate_titles_marks_values_and_dots_as_k6_does() {
        String text = render(SummaryMode.COMPACT, true);
        assertThat(text).contains("█ \u001b[1mTHRESHOLDS\u001b[0m ")
                .contains("\u001b[31m✗\u001b[0m \u001b[37m'rate>0.9'\u001b[0m \u001b[37mrate\u001b[0m=\u001b[36m72.72%\u001b[0m")
                .contains("http_reqs\u001b[2;37m......................:\u001b[0m \u001b[36m10\u001b[0m     "
                        + "\u001b[2;36m1/s\u001b[0m")
                .contains("\u001b[32m✓ status is 200\u001b[0m");
    }

    @Test
    void a_threshold_on_a_percentile_outside_the_trend_columns_shows_that_percentile() {
        SummaryFixture other = new SummaryFixture(Map.of("http_req_duration", List.of("p(99)<5")));
        SummaryReport report = SummaryReport.build(SummaryMode.COMPACT, other.aggregates, other.totals,
                other.thresholds, SummaryOptions.defaults(), Duration.ofSeconds(10));
        assertThat(V1TextSummary.render(report, SummaryOptions.defaults(), false))
                .contains("    ✗ 'p(99)<5' p(99)=9.91ms");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"compact,COMPACT", "full,FULL", "legacy,LEGACY", "disabled,DISABLED", "'',COMPACT"})
    void summary_modes_parse_as_k6_spells_them(String text, SummaryMode mode) {
        assertThat(SummaryMode.parse(text)).isEqualTo(mode);
    }

    @Test
    void an_unknown_summary_mode_is_refused_naming_the_value() {
        assertThatThrownBy(() -> SummaryMode.parse("Full")).hasMessageContaining("invalid summary mode 'Full'");
    }
}
