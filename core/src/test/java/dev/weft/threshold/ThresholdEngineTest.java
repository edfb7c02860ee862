package dev.weft.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Metric;
import dev.weft.metrics.MetricAggregates;
import dev.weft.metrics.MetricRegistry;
import dev.weft.metrics.MetricType;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.metrics.ValueType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdEngineTest {
    private final MetricRegistry registry = MetricRegistry.withBuiltins();
    private final MetricAggregates aggregates = new MetricAggregates();

    private ThresholdEngine engine(Map<String, ?> config) {
        return ThresholdEngine.create(ThresholdConfig.parse(config), registry, aggregates);
    }

    private void push(Metric m, double value, String... tags) {
        aggregates.ingest(List.of(new Sample(m, Tags.of(tags), 0, value)));
    }

    @Test
    void aTrendPercentileThresholdPassesThenFails() {
        ThresholdEngine e = engine(Map.of("http_req_duration", List.of("p(95)<200", "avg<150")));
        for (int i = 1; i <= 100; i++) {
            push(BuiltinMetrics.HTTP_REQ_DURATION, i);
        }
        assertThat(e.evaluate(Duration.ofSeconds(1)).allPassed()).isTrue();
        push(BuiltinMetrics.HTTP_REQ_DURATION, 100_000);
        ThresholdResult r = e.evaluate(Duration.ofSeconds(2));
        assertThat(r.failed()).containsExactly(new ThresholdResult.Failure("http_req_duration", "avg<150"));
        assertThat(r.abort()).isFalse();
        assertThat(e.okByKey().get("http_req_duration")).containsEntry("avg<150", false).containsEntry("p(95)<200", true);
    }

    @Test
    void subMetricsAggregateOnlySamplesCarryingAllTheirTags() {
        ThresholdEngine e = engine(Map.of(
                "http_req_duration{status:200}", List.of("max<100"),
                "http_req_duration{group:::my group}", List.of("max<100"),
                "http_req_duration{status:200,method:GET}", List.of("max<100")));
        push(BuiltinMetrics.HTTP_REQ_DURATION, 500, "status", "500", "method", "GET");
        push(BuiltinMetrics.HTTP_REQ_DURATION, 50, "status", "200", "method", "POST");
        push(BuiltinMetrics.HTTP_REQ_DURATION, 60, "status", "200", "method", "GET", "group", "::my group");
        assertThat(e.evaluate(Duration.ofSeconds(1)).allPassed()).isTrue();
        assertThat(aggregates.get("http_req_duration{group:::my group}")).isPresent();
        push(BuiltinMetrics.HTTP_REQ_DURATION, 700, "status", "200", "method", "GET");
        assertThat(e.evaluate(Duration.ofSeconds(1)).breachedKeys())
                .containsExactly("http_req_duration{status:200,method:GET}", "http_req_duration{status:200}");
    }

    @Test
    void checksSubMetricByNameAndRateThreshold() {
        ThresholdEngine e = engine(Map.of("checks{check:body ok}", List.of("rate>0.9"), "checks", List.of("rate==1")));
        push(BuiltinMetrics.CHECKS, 1, "check", "body ok");
        push(BuiltinMetrics.CHECKS, 0, "check", "other");
        ThresholdResult r = e.evaluate(Duration.ofSeconds(1));
        assertThat(r.failed()).extracting(ThresholdResult.Failure::key).containsExactly("checks");
    }

    @Test
    void counterCountAndRatePerSecondUseTheElapsedTime() {
        ThresholdEngine e = engine(Map.of("iterations", List.of("count>=10", "rate>4")));
        for (int i = 0; i < 10; i++) {
            push(BuiltinMetrics.ITERATIONS, 1);
        }
        assertThat(e.evaluate(Duration.ofSeconds(2)).allPassed()).isTrue();
        assertThat(e.evaluate(Duration.ofSeconds(5)).failed()).extracting(ThresholdResult.Failure::source)
                .containsExactly("rate>4");
    }

    @Test
    void emptySinksAreSkippedDuringTheRunButCheckedAtTheEnd() {
        ThresholdEngine e = engine(Map.of("iterations", List.of("count>0")));
        assertThat(e.evaluate(Duration.ofSeconds(1)).allPassed()).isTrue();
        assertThat(e.evaluateFinal(Duration.ofSeconds(1)).allPassed()).isFalse();
        assertThat(aggregates.observed()).extracting(MetricAggregates.Entry::name).contains("iterations");
    }

    @Test
    void abortOnFailWaitsForItsDelay() {
        Map<String, Object> cfg = Map.of("http_req_failed", List.of(
                Map.of("threshold", "rate<0.1", "abortOnFail", true, "delayAbortEval", "10s")));
        ThresholdEngine e = engine(cfg);
        push(BuiltinMetrics.HTTP_REQ_FAILED, 1);
        assertThat(e.evaluate(Duration.ofSeconds(5))).satisfies(r -> {
            assertThat(r.allPassed()).isFalse();
            assertThat(r.abort()).isFalse();
        });
        assertThat(e.evaluate(Duration.ofSeconds(11)).abort()).isTrue();
    }

    @Test
    void abortOnFailWithoutDelayAbortsAtOnce() {
        ThresholdEngine e = engine(Map.of("checks", List.of(Map.of("threshold", "rate==1", "abortOnFail", true))));
        push(BuiltinMetrics.CHECKS, 0);
        assertThat(e.evaluate(Duration.ZERO).abort()).isTrue();
    }

    @Test
    void customMetricsRegisteredInInitCodeCanHaveThresholds() {
        Metric waiting = registry.register("my waiting time", MetricType.TREND, ValueType.TIME);
        ThresholdEngine e = engine(Map.of("my waiting time", List.of("p(99)<5")));
        push(waiting, 10);
        assertThat(e.evaluate(Duration.ofSeconds(1)).breachedKeys()).containsExactly("my waiting time");
    }

    @ParameterizedTest(name = "{0} = {1} is rejected mentioning \"{2}\"")
    @CsvSource(delimiter = '|', value = {
        "no_such_metric                 | p(95)<200 | no_such_metric",
        "http_req_duration              | rate<0.1  | unsupported aggregation method rate on metric of type trend",
        "http_reqs                      | avg<1     | unsupported aggregation method avg on metric of type counter",
        "vus                            | max<1     | supported aggregation methods for this metric are: value",
        "checks                         | p(95)<1   | supported aggregation methods for this metric are: rate",
        "http_req_duration{status:200   | p(95)<200 | unmatched",
        "http_req_duration{status}      | p(95)<200 | malformed",
        "http_req_duration{status:200}x | p(95)<200 | last position",
        "http_req_duration              | p(95)<<2  | http_req_duration",
    })
    void invalidDefinitionsNameTheMetricAndExpression(String key, String expr, String reason) {
        assertThatThrownBy(() -> engine(Map.of(key, List.of(expr))))
                .isInstanceOf(ThresholdException.class)
                .hasMessageContaining(reason)
                .hasMessageContaining(key)
                .hasMessageContaining(expr);
    }

    @Test
    void objectFormAndJsonConfigReadTheSame() {
        var json = com.google.gson.JsonParser.parseString("""
                {"http_req_duration": ["p(95)<200", {"threshold": "max<1000", "abortOnFail": true,
                  "delayAbortEval": "1m30s"}]}""").getAsJsonObject();
        List<MetricThresholds> parsed = ThresholdConfig.fromJson(json);
        assertThat(parsed).hasSize(1);
        Threshold t = parsed.get(0).thresholds().get(1);
        assertThat(t.abortOnFail()).isTrue();
        assertThat(t.delayAbortEval()).isEqualTo(Duration.ofSeconds(90));
        assertThat(parsed.get(0).thresholds().get(0).abortOnFail()).isFalse();
    }

    @Test
    void sourcesByKeyKeepConfigurationOrder() {
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("http_reqs", List.of("count>0"));
        cfg.put("checks", new ArrayList<>(List.of("rate>0.9", "rate>0.5")));
        assertThat(engine(cfg).sourcesByKey()).containsExactly(
                Map.entry("http_reqs", List.of("count>0")), Map.entry("checks", List.of("rate>0.9", "rate>0.5")));
    }
}
