package dev.weft.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextSummaryTest {
    private final SummaryFixture run = new SummaryFixture();

    private String render(SummaryOptions options, boolean colors) {
        JsonObject data = SummaryData.build(run.aggregates, run.groups, run.thresholds, options,
                Duration.ofSeconds(10), null);
        return TextSummary.render(data, " ", colors);
    }

    @Test
    void showsGroupsChecksAndMetricLinesInK6sLayout() {
        String text = render(SummaryOptions.defaults(), false);
        assertThat(text).startsWith("""
                     ✓ status is 200

                     █ my group

                       ✗ body ok
                        ↳  50% — ✓ 5 / ✗ 5

                       █ inner

                """);
        // Columns line up across metrics (trend cells and the non-trend value/extras), as k6 pads them.
        assertThat(text.lines().toList()).contains(
                "   ✗ checks.........................: 75.00% ✓ 15    ✗ 5  ",
                "     data_received..................: 5.2 kB 520 B/s",
                "     group_duration.................: avg=21.25ms min=12.5ms med=21.25ms max=30ms p(90)=28.25ms"
                        + " p(95)=29.12ms",
                "   ✓ http_req_duration..............: avg=5.5ms   min=1ms    med=5.5ms   max=10ms p(90)=9.1ms  "
                        + " p(95)=9.54ms ",
                "       { expected_response:true }...: avg=5.5ms   min=1ms    med=5.5ms   max=10ms p(90)=9.1ms  "
                        + " p(95)=9.54ms ",
                "     http_reqs......................: 10     1/s",
                "     vus............................: 3      min=1   max=5");
    }

    @Test
    void metricLinesAreSortedWithSubMetricsUnderTheirParent() {
        List<String> names = render(SummaryOptions.defaults(), false).lines()
                .filter(l -> l.contains("..:")).map(l -> l.trim().replaceAll("^[✓✗] ", "").replaceAll("\\.+:.*", ""))
                .toList();
        assertThat(names).containsExactly("checks", "data_received", "group_duration", "http_req_duration",
                "{ expected_response:true }", "http_reqs", "vus");
    }

    @Test
    void trendStatsAndTimeUnitAreConfigurable() {
        SummaryOptions options = new SummaryOptions(List.of("count", "p(99.9)", "max"), "s", true, false, false)
                .validate();
        assertThat(render(options, false)).contains("http_req_duration..............: count=10 p(99.9)=0.01s max=0.01s");
    }

    @Test
    void colorsWrapMarksAndValuesUnlessNoColor() {
        String colored = render(SummaryOptions.defaults(), true);
        assertThat(colored).contains("\u001b[32m     ✓ status is 200\u001b[0m").contains("\u001b[36m75.00%\u001b[0m");
        assertThat(render(SummaryOptions.defaults(), false)).doesNotContain("\u001b[");
    }
}
