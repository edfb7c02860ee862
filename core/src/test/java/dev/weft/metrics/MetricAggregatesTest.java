package dev.weft.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricAggregatesTest {
    private final MetricAggregates aggregates = new MetricAggregates();

    private static Sample s(Metric m, double v, String... tags) {
        return new Sample(m, Tags.of(tags), 0, v);
    }

    @Test
    void countersSumAndRatePerSecond() {
        aggregates.ingest(List.of(s(BuiltinMetrics.HTTP_REQS, 1), s(BuiltinMetrics.HTTP_REQS, 1),
                s(BuiltinMetrics.HTTP_REQS, 2)));
        CounterSink c = (CounterSink) aggregates.get("http_reqs").orElseThrow().sink();
        assertThat(c.count()).isEqualTo(4);
        assertThat(c.rate(Duration.ofSeconds(2))).isEqualTo(2);
    }

    @Test
    void gaugesKeepLastMinAndMax() {
        aggregates.ingest(List.of(s(BuiltinMetrics.VUS, 5), s(BuiltinMetrics.VUS, 10), s(BuiltinMetrics.VUS, 1),
                s(BuiltinMetrics.VUS, 3)));
        GaugeSink g = (GaugeSink) aggregates.get("vus").orElseThrow().sink();
        assertThat(List.of(g.value(), g.min(), g.max())).containsExactly(3.0, 1.0, 10.0);
    }

    @Test
    void ratesCountNonZeroAsPasses() {
        aggregates.ingest(List.of(s(BuiltinMetrics.CHECKS, 1), s(BuiltinMetrics.CHECKS, 0), s(BuiltinMetrics.CHECKS, 1),
                s(BuiltinMetrics.CHECKS, 1)));
        RateSink r = (RateSink) aggregates.get("checks").orElseThrow().sink();
        assertThat(r.passes()).isEqualTo(3);
        assertThat(r.fails()).isEqualTo(1);
        assertThat(r.rate()).isEqualTo(0.75);
    }

    @Test
    void theDefaultExpectedResponseSubMetricShowsOnlyOnceItHasSamples() {
        aggregates.addDefaultSubmetrics();
        aggregates.ingest(List.of(s(BuiltinMetrics.HTTP_REQ_DURATION, 10, "expected_response", "false")));
        assertThat(aggregates.observed()).extracting(MetricAggregates.Entry::name).containsExactly("http_req_duration");
        aggregates.ingest(List.of(s(BuiltinMetrics.HTTP_REQ_DURATION, 20, "expected_response", "true")));
        assertThat(aggregates.observed()).extracting(MetricAggregates.Entry::name)
                .containsExactly("http_req_duration", "http_req_duration{expected_response:true}");
        TrendSink sub = (TrendSink) aggregates.get("http_req_duration{expected_response:true}").orElseThrow().sink();
        assertThat(sub.count()).isEqualTo(1);
        assertThat(sub.max()).isEqualTo(20);
    }

    @Test
    void subMetricKeysAreParsedLikeK6() {
        Submetric sm = Submetric.of(BuiltinMetrics.HTTP_REQ_DURATION, " group:::a::b , 'name' : \"x\" ");
        assertThat(sm.tags()).isEqualTo(Tags.of("group", "::a::b", "name", "x"));
        assertThat(sm.matches(Tags.of("group", "::a::b", "name", "x", "status", "200"))).isTrue();
        assertThat(sm.matches(Tags.of("group", "::a::b"))).isFalse();
    }
}
