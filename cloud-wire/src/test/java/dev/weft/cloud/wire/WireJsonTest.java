package dev.weft.cloud.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireJsonTest {

    @Test
    void readsAPointAsK6WritesItWithTheTimeQuoted() {
        String body = """
                [{"type":"Point","metric":"vus","data":{"time":"1700000000123456","type":"gauge",
                  "tags":{"scenario":"default"},"value":10}}]""";

        List<WireSample> samples = WireJson.samples(body);
        PointData data = WireJson.data(samples.get(0), PointData.class);

        assertThat(samples.get(0).type()).isEqualTo(SampleTypes.POINT);
        assertThat(data.time()).isEqualTo(1_700_000_000_123_456L);
        assertThat(data.tags()).containsEntry("scenario", "default");
        assertThat(data.value()).isEqualTo(10.0);
    }

    @Test
    void readsATimeWrittenAsAPlainNumber() {
        String body = "[{\"type\":\"Point\",\"metric\":\"x\",\"data\":{\"time\":42,\"type\":\"counter\",\"value\":1}}]";

        assertThat(WireJson.data(WireJson.samples(body).get(0), PointData.class).time()).isEqualTo(42L);
    }

    @Test
    void writesTheTimeQuotedLikeK6() {
        WireSample sample = WireSample.of(SampleTypes.POINT, "vus", new PointData(7, "gauge", Map.of(), 1));

        assertThat(WireJson.GSON.toJson(sample)).contains("\"time\":\"7\"");
    }

    @Test
    void readsK6AggregatedPointsWithRatesAndTimings() {
        String body = """
                [{"type":"AggregatedPoints","metric":"http_req_li_all","data":{"time":"5","type":"aggregated_trend",
                  "count":3,"tags":{"status":"200"},"values":{"http_req_duration":{"min":1,"max":3,"avg":2},
                  "http_req_failed":{"count":3,"nz_count":1}}}}]""";

        AggregatedPointsData data = WireJson.data(WireJson.samples(body).get(0), AggregatedPointsData.class);

        assertThat(data.count()).isEqualTo(3);
        assertThat(data.values().get("http_req_duration").avg()).isEqualTo(2.0);
        assertThat(data.values().get("http_req_failed").nonZeroCount()).isEqualTo(1.0);
    }

    @Test
    void aTokenIsReadOnlyFromTheTokenScheme() {
        assertThat(CloudApi.tokenOf("Token abc")).isEqualTo("abc");
        assertThat(CloudApi.tokenOf("Bearer abc")).isNull();
        assertThat(CloudApi.tokenOf(null)).isNull();
    }

    @Test
    void aDigestSurvivesEncodingAndMerging() {
        TrendDigest a = new TrendDigest();
        for (int i = 1; i <= 100; i++) {
            a.record(i);
        }
        TrendDigest b = TrendDigest.decode(a.encode());
        b.add(a);

        assertThat(b.count()).isEqualTo(200);
        assertThat(b.percentile(95)).isBetween(94.0, 96.0);
    }

    @Test
    void aMalformedDigestIsAnIllegalArgument() {
        assertThatThrownBy(() -> TrendDigest.decode("bm90IGEgaGlzdG9ncmFt"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
