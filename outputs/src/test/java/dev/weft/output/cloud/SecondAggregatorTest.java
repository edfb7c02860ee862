package dev.weft.output.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cloud.wire.AggregateData;
import dev.weft.cloud.wire.TrendDigest;
import dev.weft.cloud.wire.WireJson;
import dev.weft.cloud.wire.WireSample;
import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecondAggregatorTest {
    private static final long T = 1_700_000_000_000L;
    private final SecondAggregator aggregator = new SecondAggregator();

    @Test
    void twentyThousandRequestsInASecondBecomeOneAggregatePerMetricAndTagSet() {
        Tags ok = Tags.of("status", "200");
        for (int i = 0; i < 20_000; i++) {
            aggregator.add(new Sample(BuiltinMetrics.HTTP_REQS, ok, T + i % 1000, 1));
            aggregator.add(new Sample(BuiltinMetrics.HTTP_REQ_DURATION, ok, T + i % 1000, i % 100));
        }

        List<WireSample> out = aggregator.takeBefore(Long.MAX_VALUE);

        assertThat(out).hasSize(2);
        AggregateData reqs = data(out, "http_reqs");
        assertThat(reqs.count()).isEqualTo(20_000);
        assertThat(reqs.sum()).isEqualTo(20_000);
        AggregateData durations = data(out, "http_req_duration");
        assertThat(durations.min()).isEqualTo(0);
        assertThat(durations.max()).isEqualTo(99);
        assertThat(TrendDigest.decode(durations.histogram()).percentile(95)).isBetween(94.0, 96.0);
    }

    @Test
    void aRateSumsOnlyItsNonZeroSamples() {
        aggregator.add(new Sample(BuiltinMetrics.CHECKS, Tags.EMPTY, T, 1));
        aggregator.add(new Sample(BuiltinMetrics.CHECKS, Tags.EMPTY, T, 0));
        aggregator.add(new Sample(BuiltinMetrics.CHECKS, Tags.EMPTY, T, 1));

        AggregateData checks = data(aggregator.takeBefore(Long.MAX_VALUE), "checks");

        assertThat(checks.count()).isEqualTo(3);
        assertThat(checks.sum()).isEqualTo(2);
        assertThat(checks.type()).isEqualTo("rate");
    }

    @Test
    void secondsStillFillingStayBehind() {
        aggregator.add(new Sample(BuiltinMetrics.VUS, Tags.EMPTY, T, 1));
        aggregator.add(new Sample(BuiltinMetrics.VUS, Tags.EMPTY, T + 1000, 2));

        List<WireSample> first = aggregator.takeBefore(T / 1000 + 1);

        assertThat(first).hasSize(1);
        assertThat(aggregator.pendingSamples()).isEqualTo(1);
        assertThat(data(aggregator.takeBefore(Long.MAX_VALUE), "vus").last()).isEqualTo(2);
    }

    @Test
    void aGaugeKeepsItsLatestValue() {
        aggregator.add(new Sample(BuiltinMetrics.VUS, Tags.EMPTY, T + 500, 7));
        aggregator.add(new Sample(BuiltinMetrics.VUS, Tags.EMPTY, T + 100, 3));

        assertThat(data(aggregator.takeBefore(Long.MAX_VALUE), "vus").last()).isEqualTo(7);
    }

    private static AggregateData data(List<WireSample> samples, String metric) {
        WireSample s = samples.stream().filter(w -> w.metric().equals(metric)).findFirst().orElseThrow();
        return WireJson.data(s, AggregateData.class);
    }
}
