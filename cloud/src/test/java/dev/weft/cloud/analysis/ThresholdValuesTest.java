package dev.weft.cloud.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Threshold sources and keys as k6 scripts write them, parsed for the observed value and the chart's line. */
class ThresholdValuesTest {
    @Test
    void anExpressionGivesItsStatisticOperatorAndLimit() {
        ThresholdValues.Expression p95 = ThresholdValues.Expression.parse("p(95) < 500");
        ThresholdValues.Expression rate = ThresholdValues.Expression.parse("rate<=0.01");
        ThresholdValues.Expression count = ThresholdValues.Expression.parse("count>=1e3");

        assertThat(p95).isEqualTo(new ThresholdValues.Expression("p(95)", "<", 500.0));
        assertThat(rate).isEqualTo(new ThresholdValues.Expression("rate", "<=", 0.01));
        assertThat(count.limit()).isEqualTo(1000.0);
        assertThat(p95.holds(499.9)).isTrue();
        assertThat(p95.holds(500)).isFalse();
    }

    @Test
    void anExpressionThatDoesNotParseHasNoStatisticAndNoVerdict() {
        ThresholdValues.Expression odd = ThresholdValues.Expression.parse("p95 under 500");

        assertThat(odd.stat()).isNull();
        assertThat(odd.holds(1)).isNull();
    }

    @Test
    void aSubmetricKeyGivesItsMetricAndSelectorTagsWithQuotesAndGroupColonsKept() {
        ThresholdValues.MetricKey key = ThresholdValues.MetricKey.parse("http_req_duration{scenario:api, group:::login}");
        ThresholdValues.MetricKey quoted = ThresholdValues.MetricKey.parse("http_reqs{name:\"a b\"}");

        assertThat(key.metric()).isEqualTo("http_req_duration");
        assertThat(key.selector()).isEqualTo(Map.of("scenario", "api", "group", "::login"));
        assertThat(quoted.selector()).isEqualTo(Map.of("name", "a b"));
        assertThat(ThresholdValues.MetricKey.parse("checks").selector()).isEmpty();
    }
}
