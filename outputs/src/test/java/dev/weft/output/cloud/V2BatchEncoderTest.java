package dev.weft.output.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cloud.wire.v2.CounterValue;
import dev.weft.cloud.wire.v2.GaugeValue;
import dev.weft.cloud.wire.v2.K6Hdr;
import dev.weft.cloud.wire.v2.Label;
import dev.weft.cloud.wire.v2.Metric;
import dev.weft.cloud.wire.v2.MetricSet;
import dev.weft.cloud.wire.v2.MetricType;
import dev.weft.cloud.wire.v2.MetricsV2;
import dev.weft.cloud.wire.v2.RateValue;
import dev.weft.cloud.wire.v2.TrendHdrValue;
import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class V2BatchEncoderTest {
    private static final Tags GET = Tags.of("method", "GET", "status", "200");

    private static MetricSet roundTrip(Batch batch) throws Exception {
        return MetricsV2.decode(batch.body(), 1 << 24);
    }

    private static Metric metric(MetricSet set, String name) {
        return set.metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyMetricTypeTravelsAsK6SendsItAndTheServiceCanReadIt() throws Exception {
        SeriesBuffer buffer = new SeriesBuffer(1 << 20);
        List<Sample> samples = new ArrayList<>();
        K6Hdr expected = new K6Hdr();
        for (int i = 0; i < 100; i++) {
            double ms = i < 50 ? 0.2 + i * 0.01 : 120 + i * 3.7;
            samples.add(new Sample(BuiltinMetrics.HTTP_REQ_DURATION, GET, 5_000_000L + i, ms));
            expected.add(ms);
            samples.add(new Sample(BuiltinMetrics.HTTP_REQS, GET, 5_000_000L + i, 1));
            samples.add(new Sample(BuiltinMetrics.HTTP_REQ_FAILED, GET, 5_000_000L + i, i % 4 == 0 ? 1 : 0));
        }
        samples.add(new Sample(BuiltinMetrics.VUS, Tags.EMPTY, 5_000_100L, 7));
        samples.add(new Sample(BuiltinMetrics.VUS, Tags.EMPTY, 5_000_900L, 3));
        buffer.addAll(samples, s -> s);

        Batch batch = new V2BatchEncoder().encode("42", buffer.take(Long.MAX_VALUE, 1000));
        assertThat(batch.path()).isEqualTo("/v2/metrics/42");
        assertThat(batch.headers()).containsEntry("K6-Metrics-Protocol-Version", "2.0")
                .containsEntry("Content-Encoding", "snappy").containsEntry("Content-Type", "application/x-protobuf");
        assertThat(batch.samples()).isEqualTo(302);
        assertThat(batch.aggregates()).isEqualTo(4);

        MetricSet set = roundTrip(batch);
        assertThat(set.testRunId()).isEqualTo("42");
        assertThat(set.aggregationPeriodSeconds()).isEqualTo(1);
        Metric reqs = metric(set, "http_reqs");
        assertThat(reqs.type()).isEqualTo(MetricType.COUNTER);
        assertThat(reqs.timeSeries()).singleElement().satisfies(ts -> {
            assertThat(ts.labels()).containsExactly(new Label("method", "GET"), new Label("status", "200"));
            assertThat(ts.values()).containsExactly(new CounterValue(5000, 100));
        });
        assertThat(metric(set, "http_req_failed").timeSeries().get(0).values())
                .containsExactly(new RateValue(5000, 25, 100));
        GaugeValue vus = (GaugeValue) metric(set, "vus").timeSeries().get(0).values().get(0);
        assertThat(vus.last()).isEqualTo(3);
        assertThat(vus.low()).isEqualTo(3);
        assertThat(vus.high()).isEqualTo(7);
        TrendHdrValue trend = (TrendHdrValue) metric(set, "http_req_duration").timeSeries().get(0).values().get(0);
        TrendHdrValue reference = expected.toValue(5000);
        assertThat(trend.counters()).containsExactly(reference.counters());
        assertThat(trend.spans()).isEqualTo(reference.spans());
        assertThat(trend.spans().size()).isGreaterThan(1);
        assertThat(trend.count()).isEqualTo(100);
        assertThat(trend.minValue()).isEqualTo(reference.minValue());
        assertThat(trend.maxValue()).isEqualTo(reference.maxValue());
        assertThat(trend.sum()).isCloseTo(reference.sum(), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aSeriesWithSeveralSecondsIsOneTimeSeriesWithAValuePerSecond() throws Exception {
        SeriesBuffer buffer = new SeriesBuffer(1 << 20);
        buffer.addAll(List.of(new Sample(BuiltinMetrics.ITERATIONS, Tags.EMPTY, 1_000L, 1),
                new Sample(BuiltinMetrics.ITERATIONS, Tags.EMPTY, 2_500L, 1),
                new Sample(BuiltinMetrics.ITERATIONS, Tags.EMPTY, 2_600L, 1)), s -> s);

        MetricSet set = roundTrip(new V2BatchEncoder().encode("7", buffer.take(Long.MAX_VALUE, 1000)));
        assertThat(metric(set, "iterations").timeSeries()).singleElement()
                .satisfies(ts -> assertThat(ts.values()).containsExactlyInAnyOrder(new CounterValue(1, 1),
                        new CounterValue(2, 2)));
    }
}
