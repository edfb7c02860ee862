package dev.weft.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.weft.cloud.wire.ApiError;
import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.CreateTestRunResponse;
import dev.weft.cloud.wire.TestFinishedRequest;
import dev.weft.cloud.wire.TestRunRequest;
import dev.weft.cloud.wire.WireJson;
import dev.weft.cloud.wire.v2.CounterValue;
import dev.weft.cloud.wire.v2.GaugeValue;
import dev.weft.cloud.wire.v2.K6Hdr;
import dev.weft.cloud.wire.v2.Label;
import dev.weft.cloud.wire.v2.Metric;
import dev.weft.cloud.wire.v2.MetricSet;
import dev.weft.cloud.wire.v2.MetricType;
import dev.weft.cloud.wire.v2.RateValue;
import dev.weft.cloud.wire.v2.SampleValue;
import dev.weft.cloud.wire.v2.TimeSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the v2 (k6 v1) metrics path promises, whatever database is behind it; each database
 * has a subclass that says how to get a fresh, empty one.
 */
abstract class V2IngestContract {
    static final long T = 1_700_000_000L;

    V2Service v2;

    /** A fresh database's JDBC URL, user and password (user and password may be null). */
    abstract String[] newDatabase() throws Exception;

    @BeforeEach
    void start() throws Exception {
        String[] db = newDatabase();
        v2 = new V2Service(db[0], db[1], db[2], false);
    }

    @AfterEach
    void stop() {
        v2.close();
    }

    String createRun() throws Exception {
        ApiClient.Response r = v2.api.postJson(CloudApi.TESTS_PATH, v2.token,
                new TestRunRequest("v2", null, 5, Map.of("http_req_duration", List.of("p(95)<500")), 60));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.as(CreateTestRunResponse.class).referenceId();
    }

    JsonObject summary(String id) throws Exception {
        ApiClient.Response r = v2.api.get("/api/runs/" + id + "/summary", v2.token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return WireJson.GSON.fromJson(r.body(), JsonObject.class);
    }

    static JsonObject metric(JsonObject summary, String name) {
        return summary.getAsJsonObject("metrics").getAsJsonObject(name);
    }

    static TimeSeries series(List<SampleValue> values, String... labels) {
        List<Label> l = new ArrayList<>();
        for (int i = 0; i < labels.length; i += 2) {
            l.add(new Label(labels[i], labels[i + 1]));
        }
        return new TimeSeries(l, values);
    }

    static MetricSet set(String runId, Metric... metrics) {
        return new MetricSet(runId, 1, List.of(metrics));
    }

    @Test
    void everyMetricTypePushedAsV2LandsInTheSummary() throws Exception {
        String id = createRun();
        K6Hdr hdr = new K6Hdr();
        for (double v : new double[] {10, 20, 30, 40}) {
            hdr.add(v);
        }
        MetricSet set = set(id,
                new Metric("http_reqs", MetricType.COUNTER, List.of(
                        series(List.of(new CounterValue(T, 3), new CounterValue(T + 1, 1)), "status", "200"),
                        series(List.of(new CounterValue(T, 2)), "status", "500"))),
                // as k6 v1.3.0 sends it: max in the min field, min in the max field
                new Metric("vus", MetricType.GAUGE, List.of(series(List.of(new GaugeValue(T, 4, 3, 7, 2, 4.333))))),
                new Metric("checks", MetricType.RATE, List.of(
                        series(List.of(new RateValue(T, 4, 5)), "check", "is 200", "group", ""),
                        series(List.of(new RateValue(T + 1, 2, 2)), "check", "body ok", "group", "::login"))),
                new Metric("http_req_duration", MetricType.TREND, List.of(series(List.of(hdr.toValue(T))))),
                new Metric("my_custom_counter", MetricType.COUNTER, List.of(series(List.of(new CounterValue(T, 42))))));

        ApiClient.Response r = v2.push(id, set, "batch-1");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonObject s = summary(id);
        assertThat(metric(s, "http_reqs").get("count").getAsDouble()).isEqualTo(6.0);
        assertThat(metric(s, "my_custom_counter").get("count").getAsDouble()).isEqualTo(42.0);
        assertThat(metric(s, "vus").get("min").getAsDouble()).isEqualTo(2.0);
        assertThat(metric(s, "vus").get("max").getAsDouble()).isEqualTo(7.0);
        assertThat(metric(s, "vus").get("value").getAsDouble()).isEqualTo(4.0);
        assertThat(metric(s, "checks").get("passes").getAsLong()).isEqualTo(6);
        assertThat(metric(s, "checks").get("fails").getAsLong()).isEqualTo(1);
        JsonObject duration = metric(s, "http_req_duration");
        assertThat(duration.get("avg").getAsDouble()).isEqualTo(25.0);
        assertThat(duration.get("min").getAsDouble()).isEqualTo(10.0);
        assertThat(duration.get("max").getAsDouble()).isEqualTo(40.0);
        // 10, 20, 30, 40 ms: k6 interpolates between the two middle values
        assertThat(duration.get("med").getAsDouble()).isCloseTo(25.0, Percentage.withPercentage(1));
        assertThat(duration.getAsJsonObject("thresholds").get("p(95)<500").getAsBoolean()).isFalse();
        JsonObject root = s.getAsJsonObject("root_group");
        assertThat(root.getAsJsonObject("checks").getAsJsonObject("is 200").get("fails").getAsLong()).isEqualTo(1);
        JsonObject login = root.getAsJsonObject("groups").getAsJsonObject("login");
        assertThat(login.get("path").getAsString()).isEqualTo("::login");
        assertThat(login.getAsJsonObject("checks").getAsJsonObject("body ok").get("passes").getAsLong()).isEqualTo(2);
    }

    @Test
    void percentilesOfATrendSentAsK6HistogramsMatchTheSameValuesSentAsV1Points() throws Exception {
        Random random = new Random(7);
        double[] values = new double[2000];
        for (int i = 0; i < values.length; i++) {
            // spread over four orders of magnitude so the histogram has spans with gaps between them
            values[i] = Math.exp(random.nextDouble() * Math.log(5000)) + (i % 97 == 0 ? 20_000 : 0);
        }
        String v2Run = createRun();
        K6Hdr hdr = new K6Hdr();
        Arrays.stream(values).forEach(hdr::add);
        assertThat(hdr.toValue(T).spans()).hasSizeGreaterThan(1);
        v2.push(v2Run, set(v2Run, new Metric("http_req_duration", MetricType.TREND,
                List.of(series(List.of(hdr.toValue(T)))))), null);
        String v1Run = createRun();
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            body.append(i == 0 ? "" : ",").append("{\"type\":\"Point\",\"metric\":\"http_req_duration\",\"data\":{\"time\":\"")
                    .append(T * 1_000_000).append("\",\"type\":\"trend\",\"tags\":{},\"value\":").append(values[i]).append("}}");
        }
        v2.api.postGzip(CloudApi.METRICS_PATH_PREFIX + v1Run, v2.token, body.append("]").toString(), Map.of());

        JsonObject fromV2 = metric(summary(v2Run), "http_req_duration");
        JsonObject fromV1 = metric(summary(v1Run), "http_req_duration");
        Arrays.sort(values);
        for (String stat : List.of("med", "p(90)", "p(95)", "p(99)")) {
            assertThat(fromV2.get(stat).getAsDouble()).as(stat)
                    .isCloseTo(fromV1.get(stat).getAsDouble(), Percentage.withPercentage(1));
        }
        assertThat(fromV2.get("max").getAsDouble()).isEqualTo(values[values.length - 1]);
        assertThat(fromV2.get("avg").getAsDouble()).isCloseTo(fromV1.get("avg").getAsDouble(), Offset.offset(1e-6));
    }

    @Test
    void theBodyAGenuineK6PushedGivesTheCountsK6Reported() throws Exception {
        // the service refuses samples far from its clock: put it at the time the fixture was captured
        v2.clock.advance(java.time.Duration.between(v2.clock.instant(), java.time.Instant.parse("2026-12-07T04:20:40Z")));
        String id = createRun();
        MetricSet captured;
        try (var in = dev.weft.cloud.wire.v2.MetricsV2.class.getResourceAsStream("k6-v1.3.0-push.snappy")) {
            captured = dev.weft.cloud.wire.v2.MetricsV2.decode(in.readAllBytes(), 1 << 20);
        }

        ApiClient.Response r = v2.push(id, new MetricSet(id, captured.aggregationPeriodSeconds(), captured.metrics()), null);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonObject s = summary(id);
        // k6's own --summary-export of that run (see k6-v1.3.0-push.md in cloud-wire's test resources)
        assertThat(metric(s, "http_reqs").get("count").getAsDouble()).isEqualTo(20.0);
        assertThat(metric(s, "iterations").get("count").getAsDouble()).isEqualTo(20.0);
        assertThat(metric(s, "checks").get("passes").getAsLong()).isEqualTo(40);
        assertThat(metric(s, "checks").get("fails").getAsLong()).isEqualTo(20);
        assertThat(metric(s, "my_gauge").get("min").getAsDouble()).isEqualTo(1.0);
        assertThat(metric(s, "my_gauge").get("max").getAsDouble()).isEqualTo(28.0);
        assertThat(metric(s, "my_rate").get("passes").getAsLong()).isEqualTo(8);
        assertThat(metric(s, "my_trend").get("avg").getAsDouble()).isEqualTo(620.75);
        assertThat(s.getAsJsonObject("root_group").getAsJsonObject("groups").getAsJsonObject("login").get("id")
                .getAsString()).isEqualTo("a7d10b3a6c9a385ee254f0dbc7f9c8c9");
    }

    @Test
    void aBatchSentTwiceIsCountedOnce() throws Exception {
        String id = createRun();
        MetricSet set = set(id, new Metric("iterations", MetricType.COUNTER, List.of(series(List.of(new CounterValue(T, 5))))));

        v2.push(id, set, "same");
        ApiClient.Response again = v2.push(id, set, "same");

        assertThat(again.body()).contains("\"duplicate\":true");
        assertThat(metric(summary(id), "iterations").get("count").getAsDouble()).isEqualTo(5.0);
    }

    @Test
    void aPushToAFinishedRunIsRefusedWithK6sErrorCode4() throws Exception {
        String id = createRun();
        v2.api.postJson(CloudApi.TEST_PATH_PREFIX + id, v2.token, new TestFinishedRequest(0, 3, Map.of()));

        ApiClient.Response r = v2.push(id, set(id, new Metric("iterations", MetricType.COUNTER,
                List.of(series(List.of(new CounterValue(T, 1)))))), null);

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.as(ApiError.class).error().code()).isEqualTo(CloudApi.ERROR_CODE_NO_MORE_METRICS);
    }

    @Test
    void aBodyThatIsNotSnappyIsA400InK6sErrorShape() throws Exception {
        String id = createRun();

        ApiClient.Response r = v2.pushBytes(id, "[1,2,3]".getBytes(), null, true);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.as(ApiError.class).error().message()).contains("snappy");
    }

    @Test
    void anUncompressedProtobufBodyIsReadToo() throws Exception {
        String id = createRun();
        MetricSet set = set(id, new Metric("iterations", MetricType.COUNTER, List.of(series(List.of(new CounterValue(T, 2))))));

        ApiClient.Response r = v2.pushBytes(id, dev.weft.cloud.wire.v2.MetricsV2.toProtobuf(set), null, false);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(metric(summary(id), "iterations").get("count").getAsDouble()).isEqualTo(2.0);
    }

    @Test
    void aTrendWhoseCountContradictsItsBucketsIsRefusedWhole() throws Exception {
        String id = createRun();
        var bad = new dev.weft.cloud.wire.v2.TrendHdrValue(T, new long[] {3}, List.of(new dev.weft.cloud.wire.v2.BucketSpan(5, 1)),
                15, 4, 5, 5, 0, 0, 1.0, 0);
        MetricSet set = set(id, new Metric("iterations", MetricType.COUNTER, List.of(series(List.of(new CounterValue(T, 1))))),
                new Metric("t", MetricType.TREND, List.of(series(List.of(bad)))));

        ApiClient.Response r = v2.push(id, set, null);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.as(ApiError.class).error().message()).contains("metric 't'");
        assertThat(summary(id).getAsJsonObject("metrics").has("iterations")).isFalse();
    }

    @Test
    void aBodyForAnotherRunThanItsUrlIsRefused() throws Exception {
        String id = createRun();

        ApiClient.Response r = v2.push(id, new MetricSet("999", 1, List.of()), null);

        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void theSummaryNeedsAToken() throws Exception {
        String id = createRun();

        assertThat(v2.api.get("/api/runs/" + id + "/summary", null).status()).isEqualTo(401);
        assertThat(v2.api.get("/api/runs/" + id + "/summary", "wrong").status()).isEqualTo(401);
    }
}
