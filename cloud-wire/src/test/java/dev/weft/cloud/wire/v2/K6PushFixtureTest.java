package dev.weft.cloud.wire.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A body pushed by a genuine k6 v1.3.0 (see k6-v1.3.0-push.md beside the fixture) decodes to what k6 measured. */
class K6PushFixtureTest {
    static MetricSet set;

    @BeforeAll
    static void decode() throws Exception {
        try (InputStream in = K6PushFixtureTest.class.getResourceAsStream("k6-v1.3.0-push.snappy")) {
            set = MetricsV2.decode(in.readAllBytes(), 1 << 20);
        }
    }

    static Metric metric(String name) {
        return set.metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    static List<SampleValue> values(String name) {
        return metric(name).timeSeries().stream().flatMap(t -> t.values().stream()).toList();
    }

    static Map<String, String> labels(TimeSeries t) {
        Map<String, String> m = new HashMap<>();
        t.labels().forEach(l -> m.put(l.name(), l.value()));
        return m;
    }

    @Test
    void theBodyNamesItsRunAndOneSecondPeriods() {
        assertThat(set.testRunId()).isEqualTo("4242");
        assertThat(set.aggregationPeriodSeconds()).isEqualTo(1);
    }

    @Test
    void countersAddUpToK6sSummary() {
        assertThat(values("http_reqs").stream().mapToDouble(v -> ((CounterValue) v).value()).sum()).isEqualTo(20.0);
        assertThat(values("iterations").stream().mapToDouble(v -> ((CounterValue) v).value()).sum()).isEqualTo(20.0);
        assertThat(values("my_counter").stream().mapToDouble(v -> ((CounterValue) v).value()).sum()).isEqualTo(40.0);
        assertThat(metric("http_reqs").type()).isEqualTo(MetricType.COUNTER);
    }

    @Test
    void checksArePerCheckAndGroupRates() {
        Map<String, long[]> byCheck = new HashMap<>();
        for (TimeSeries t : metric("checks").timeSeries()) {
            Map<String, String> l = labels(t);
            long[] pf = byCheck.computeIfAbsent(l.get("group") + "|" + l.get("check"), k -> new long[2]);
            for (SampleValue v : t.values()) {
                RateValue r = (RateValue) v;
                pf[0] += r.nonzeroCount();
                pf[1] += r.totalCount() - r.nonzeroCount();
            }
        }
        assertThat(byCheck.get("|is 200")).containsExactly(20, 0);
        assertThat(byCheck.get("::login|one")).containsExactly(20, 0);
        assertThat(byCheck.get("::login|never")).containsExactly(0, 20);
    }

    @Test
    void k6SendsAGaugesMaxInTheMinFieldAndItsMinInTheMaxField() {
        List<GaugeValue> gauges = values("my_gauge").stream().map(GaugeValue.class::cast).toList();

        double low = gauges.stream().mapToDouble(GaugeValue::low).min().orElseThrow();
        double high = gauges.stream().mapToDouble(GaugeValue::high).max().orElseThrow();
        assertThat(low).isEqualTo(1.0);
        assertThat(high).isEqualTo(28.0);
        GaugeValue first = gauges.get(0);
        assertThat(first.min()).as("k6 v1.3.0's swap").isGreaterThanOrEqualTo(first.max());
    }

    @Test
    void trendsAreK6HistogramsWithExactCountSumMinAndMax() {
        List<TrendHdrValue> trends = values("my_trend").stream().map(TrendHdrValue.class::cast).toList();

        long count = trends.stream().mapToLong(TrendHdrValue::count).sum();
        double sum = trends.stream().mapToDouble(TrendHdrValue::sum).sum();
        assertThat(count).isEqualTo(40);
        assertThat(sum / count).isEqualTo(620.75);
        assertThat(trends.stream().mapToDouble(TrendHdrValue::minValue).min().orElseThrow()).isEqualTo(0.25);
        assertThat(trends.stream().mapToDouble(TrendHdrValue::maxValue).max().orElseThrow()).isEqualTo(1234.5);
        for (TrendHdrValue t : trends) {
            assertThat(t.minResolution()).isEqualTo(K6Hdr.DEFAULT_MIN_RESOLUTION);
            long[] bucketed = {0};
            t.forEachBucket((index, n) -> bucketed[0] += n);
            assertThat(bucketed[0] + t.extraLowValuesCounter() + t.extraHighValuesCounter()).isEqualTo(t.count());
        }
        assertThat(trends.stream().anyMatch(t -> t.spans().size() > 1)).as("spans with gaps").isTrue();
    }

    @Test
    void k6sBodyIsWhatWeftsEncoderWritesForTheSameSet() throws Exception {
        assertThat(MetricsV2.fromProtobuf(MetricsV2.toProtobuf(set))).isEqualTo(set);
    }
}
