package dev.weft.cloud.wire.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsV2Test {
    private static final long T = 1_700_000_000L;

    private static MetricSet everyType() {
        K6Hdr hdr = new K6Hdr();
        for (double v : new double[] {0.2, 1.5, 1.5, 20, 350.75, 4000}) {
            hdr.add(v);
        }
        return new MetricSet("42", 1, List.of(
                new Metric("http_reqs", MetricType.COUNTER, List.of(
                        new TimeSeries(List.of(new Label("method", "GET"), new Label("status", "200")),
                                List.of(new CounterValue(T, 12), new CounterValue(T + 1, 3))))),
                new Metric("vus", MetricType.GAUGE, List.of(
                        new TimeSeries(List.of(), List.of(new GaugeValue(T, 7, 4, 2, 9, 5.5))))),
                new Metric("checks", MetricType.RATE, List.of(
                        new TimeSeries(List.of(new Label("check", "ok")), List.of(new RateValue(T, 9, 10))))),
                new Metric("http_req_duration", MetricType.TREND, List.of(
                        new TimeSeries(List.of(new Label("name", "ünïcode/路径")), List.of(hdr.toValue(T)))))));
    }

    @Test
    void aSetOfEveryMetricTypeSurvivesEncodingAndDecoding() throws Exception {
        MetricSet set = everyType();

        MetricSet decoded = MetricsV2.decode(MetricsV2.encode(set), 1 << 20);

        assertThat(decoded).isEqualTo(set);
        assertThat(decoded.seriesCount()).isEqualTo(4);
    }

    @Test
    void fieldNumbersAreK6s() {
        MetricSet set = new MetricSet("7", 3, List.of(new Metric("c", MetricType.COUNTER, List.of(
                new TimeSeries(List.of(new Label("a", "b")), List.of(new CounterValue(1, 1.0)))))));

        // MetricSet{1:"7", 2:3, 3:Metric{1:"c", 2:1, 3:TimeSeries{1:Label{1:"a",2:"b"}, 2:CounterSamples{1:
        //   CounterValue{1:Timestamp{1:1}, 2:double 1.0}}}}}
        assertThat(HexFormat.of().formatHex(MetricsV2.toProtobuf(set))).isEqualTo(
                "0a0137" + "1003" + "1a20" + "0a0163" + "1001" + "1a19" + "0a06" + "0a0161" + "120162"
                        + "120f" + "0a0d" + "0a02" + "0801" + "11000000000000f03f");
    }

    @Test
    void aGaugeSentWithMinAndMaxSwappedAsK6DoesReadsTheRightWayRound() throws Exception {
        // k6 v1.3.0 writes its max into field 4 (min) and its min into field 5 (max).
        GaugeValue asK6Sends = new GaugeValue(T, 3, 5, 9, 1, 4);
        MetricSet set = new MetricSet("1", 1, List.of(new Metric("vus", MetricType.GAUGE,
                List.of(new TimeSeries(List.of(), List.of(asK6Sends))))));

        GaugeValue read = (GaugeValue) MetricsV2.decode(MetricsV2.encode(set), 1 << 20).metrics().get(0)
                .timeSeries().get(0).values().get(0);

        assertThat(read.min()).isEqualTo(9.0);
        assertThat(read.low()).isEqualTo(1.0);
        assertThat(read.high()).isEqualTo(9.0);
    }

    @Test
    void unknownFieldsAreSkipped() throws Exception {
        byte[] known = MetricsV2.toProtobuf(new MetricSet("9", 1, List.of()));
        // field 15, varint 1 and field 16, length-delimited "xy" appended
        byte[] withUnknown = concat(known, HexFormat.of().parseHex("7801" + "82010278" + "79"));

        assertThat(MetricsV2.fromProtobuf(withUnknown)).isEqualTo(new MetricSet("9", 1, List.of()));
    }

    @Test
    void countersAreReadUnpackedToo() throws Exception {
        // TrendHdrValue{2:5 (unpacked), 2:7 (unpacked), 3:{1:4,2:2}, 6:12} in a series of a trend
        String trend = "1005" + "1007" + "1a04" + "08041002" + "300c";
        String samples = "0a" + hex(trend.length() / 2) + trend;
        String series = "2a" + hex(samples.length() / 2) + samples;
        String metric = "0a0174" + "1004" + "1a" + hex(series.length() / 2) + series;
        byte[] proto = HexFormat.of().parseHex("1a" + hex(metric.length() / 2) + metric);

        TrendHdrValue value = (TrendHdrValue) MetricsV2.fromProtobuf(proto).metrics().get(0).timeSeries().get(0)
                .values().get(0);

        assertThat(value.counters()).containsExactly(5, 7);
        assertThat(value.spans()).containsExactly(new BucketSpan(4, 2));
        assertThat(value.count()).isEqualTo(12);
    }

    @Test
    void aKnownFieldWithTheWrongWireTypeIsMalformed() {
        byte[] proto = HexFormat.of().parseHex("0801"); // field 1 (test_run_id, a string) as a varint

        assertThatThrownBy(() -> MetricsV2.fromProtobuf(proto)).isInstanceOf(MalformedMetricsException.class)
                .hasMessageContaining("MetricSet.test_run_id");
    }

    @Test
    void aBodyThatWouldInflatePastTheLimitIsRefusedBeforeInflating() {
        byte[] body = MetricsV2.encode(everyType());

        assertThatThrownBy(() -> MetricsV2.decode(body, 10)).isInstanceOf(MalformedMetricsException.class)
                .hasMessageContaining("more than the 10 allowed");
    }

    @Test
    void aBodyThatIsNotSnappyIsMalformed() {
        byte[] body = "{\"not\":\"snappy\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> MetricsV2.decode(body, 1 << 20)).isInstanceOf(MalformedMetricsException.class);
    }

    @Test
    void spansThatDoNotCoverTheCountersAreAnError() {
        TrendHdrValue broken = new TrendHdrValue(T, new long[] {1, 2}, List.of(new BucketSpan(3, 1)), 0, 3, 0, 0, 0,
                0, 0.001, 0);

        assertThatThrownBy(() -> broken.forEachBucket((i, n) -> { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 of 2 counters");
    }

    @Test
    void aTimeSeriesMixingValueKindsIsRefused() {
        MetricSet set = new MetricSet("1", 1, List.of(new Metric("x", MetricType.COUNTER, List.of(new TimeSeries(
                List.of(), List.of(new CounterValue(T, 1), new RateValue(T, 1, 1)))))));

        assertThatThrownBy(() -> MetricsV2.encode(set)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mixes");
    }

    private static String hex(int n) {
        return String.format("%02x", n);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
