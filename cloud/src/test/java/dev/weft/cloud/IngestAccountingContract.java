package dev.weft.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.weft.cloud.account.Principal;
import dev.weft.cloud.wire.ApiError;
import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.CreateTestRunResponse;
import dev.weft.cloud.wire.IngestResponse;
import dev.weft.cloud.wire.TestFinishedRequest;
import dev.weft.cloud.wire.TestRunRequest;
import dev.weft.cloud.wire.WireJson;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing a run is sent is lost silently, whatever database is behind the service: past the
 * series budget every sample is still stored (folded into overflow series, totals exact), and
 * whatever is not stored is counted per reason on the run. Each database has a subclass.
 */
abstract class IngestAccountingContract {
    static final Duration TIMEOUT = Duration.ofSeconds(120);
    static final long T0_MICROS = 1_700_000_000_000_000L;
    static final int BUDGET = 40;

    abstract String newDatabase() throws Exception;

    String dbUser() {
        return null;
    }

    String dbPassword() {
        return null;
    }

    final FakeClock clock = new FakeClock(Instant.ofEpochSecond(1_700_000_000L));
    ResultsService service;
    ApiClient api;
    String token;

    @BeforeEach
    void startService() throws Exception {
        service = ResultsService.start(ServiceConfig.defaults().withPort(0).withDatabase(newDatabase(), dbUser(), dbPassword())
                .withRunTimeout(TIMEOUT).withSweepInterval(Duration.ofHours(1)).withPasswordIterations(1000)
                .withClock(clock).withLimits(ServiceLimits.defaults().withSeriesBudget(BUDGET))
                .withBodyLimits(256 * 1024, 1024 * 1024));
        api = new ApiClient(service.baseUrl());
        Principal p = service.accounts().createUser(service.accounts().organisation("acme"), "a@example.com", "pw");
        token = service.accounts().createToken(p);
    }

    @AfterEach
    void stopService() {
        service.close();
    }

    String createRun(String name) throws Exception {
        ApiClient.Response r = api.postJson(CloudApi.TESTS_PATH, token, new TestRunRequest(name, null, 10, Map.of(), 60));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.as(CreateTestRunResponse.class).referenceId();
    }

    ApiClient.Response push(String runId, String body, String batchKey, Map<String, String> headers) throws Exception {
        Map<String, String> h = new HashMap<>(headers);
        if (batchKey != null) {
            h.put(CloudApi.IDEMPOTENCY_KEY_HEADER, batchKey);
        }
        return api.postGzip(CloudApi.METRICS_PATH_PREFIX + runId, token, body, h);
    }

    JsonObject runJson(String runId) throws Exception {
        ApiClient.Response r = api.get("/api/runs/" + runId, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return WireJson.GSON.fromJson(r.body(), JsonObject.class);
    }

    static double sumOf(JsonObject run, String series) {
        double sum = 0;
        for (var e : run.getAsJsonObject("charts").getAsJsonArray(series)) {
            sum += e.isJsonNull() ? 0 : e.getAsDouble();
        }
        return sum;
    }

    /** One request per URL: an http_reqs count and an http_req_duration of {@code duration(i)} ms, each URL its own series. */
    static String requests(long micros, int fromUrl, int urls) {
        StringBuilder b = new StringBuilder("[{\"type\":\"Point\",\"metric\":\"vus\",\"data\":{\"time\":\"" + micros
                + "\",\"type\":\"gauge\",\"tags\":{},\"value\":5}}");
        for (int i = fromUrl; i < fromUrl + urls; i++) {
            b.append(",{\"type\":\"Points\",\"metric\":\"http_req_li_all\",\"data\":{\"time\":\"").append(micros)
                    .append("\",\"tags\":{\"url\":\"http://example.test/").append(i).append("\"},")
                    .append("\"values\":{\"http_reqs\":1,\"http_req_duration\":").append(duration(i)).append("}}}");
        }
        return b.append("]").toString();
    }

    static int duration(int i) {
        return 10 + i % 90;
    }

    @Test
    void pastTheSeriesBudgetEveryBatchIsStoredWholeAndTotalsStayExact() throws Exception {
        String id = createRun("cardinality");
        int urls = 0;
        long sum = 0;
        long folded = 0;
        for (int batch = 0; batch < 4; batch++) {
            ApiClient.Response r = push(id, requests(T0_MICROS + batch * 1_000_000L, urls, 30), "b" + batch, Map.of());

            assertThat(r.status()).as(r.body()).isEqualTo(200);
            IngestResponse answer = r.as(IngestResponse.class);
            assertThat(answer.samples()).isEqualTo(61);
            folded += answer.overflowSamples();
            if (answer.overflowSamples() > 0) {
                assertThat(answer.warnings()).singleElement().asString()
                        .contains("overflow series").contains("budget of " + BUDGET + " series");
            }
            for (int i = urls; i < urls + 30; i++) {
                sum += duration(i);
            }
            urls += 30;
        }

        JsonObject run = runJson(id);
        JsonObject r = run.getAsJsonObject("run");
        assertThat(sumOf(run, "rps")).as("every request counted").isEqualTo(120.0);
        assertThat(sumOf(run, "vus")).as("low-cardinality metrics stored too").isEqualTo(20.0);
        double avgOfAverages = sumOf(run, "avg") / 4;
        assertThat(avgOfAverages).as("durations of folded series still in the averages")
                .isCloseTo(sum / 120.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(r.get("samples_received").getAsLong()).isEqualTo(4 * 61);
        assertThat(folded).isPositive();
        assertThat(r.get("overflow_samples").getAsLong()).isEqualTo(folded);
        assertThat(r.get("lost_samples").getAsLong()).isZero();
    }

    @Test
    void theOverflowSeriesKeepsPercentilesOfFoldedSamples() throws Exception {
        String id = createRun("percentiles");
        push(id, requests(T0_MICROS, 0, BUDGET), "fill", Map.of());
        StringBuilder slow = new StringBuilder("[");
        for (int i = 0; i < 100; i++) {
            slow.append(i == 0 ? "" : ",").append("{\"type\":\"Point\",\"metric\":\"http_req_duration\",\"data\":{\"time\":\"")
                    .append(T0_MICROS + 1_000_000).append("\",\"type\":\"trend\",\"tags\":{\"url\":\"http://slow.test/")
                    .append(i).append("\"},\"value\":").append(i < 95 ? 100 : 5000).append("}}");
        }

        IngestResponse answer = push(id, slow.append("]").toString(), "slow", Map.of()).as(IngestResponse.class);

        assertThat(answer.overflowSamples()).isEqualTo(100);
        JsonObject run = runJson(id);
        var p99 = run.getAsJsonObject("charts").getAsJsonArray("p99");
        assertThat(p99.get(p99.size() - 1).getAsDouble()).isBetween(4900.0, 5100.0);
    }

    @Test
    void aRunThatReceivedNoSamplesSaysNoDataNotPassed() throws Exception {
        String id = createRun("empty");

        api.postJson(CloudApi.TEST_PATH_PREFIX + id, token, new TestFinishedRequest(CloudApi.RESULT_PASSED, 3, Map.of()));

        JsonObject r = runJson(id).getAsJsonObject("run");
        assertThat(r.get("outcome").getAsString()).isEqualTo("no data");
        assertThat(r.get("samples_received").getAsLong()).isZero();
    }

    @Test
    void aRunWithSamplesThatPassedSaysPassed() throws Exception {
        String id = createRun("ok");
        push(id, requests(T0_MICROS, 0, 2), "b1", Map.of());

        api.postJson(CloudApi.TEST_PATH_PREFIX + id, token, new TestFinishedRequest(CloudApi.RESULT_PASSED, 3, Map.of()));

        assertThat(runJson(id).getAsJsonObject("run").get("outcome").getAsString()).isEqualTo("passed");
    }

    @Test
    void aRefusedBatchIsCountedAsLostAndStillCountsAsActivity() throws Exception {
        String id = createRun("refused");
        clock.advance(TIMEOUT.minusSeconds(20));

        ApiClient.Response r = push(id, "[{\"type\":\"Point\",", "bad", Map.of(CloudApi.SAMPLE_COUNT_HEADER, "250"));
        clock.advance(TIMEOUT.minusSeconds(20));

        assertThat(r.status()).isEqualTo(400);
        assertThat(service.sweepTimeouts()).as("the runner was still sending").isZero();
        JsonObject run = runJson(id).getAsJsonObject("run");
        assertThat(run.get("run_state").getAsString()).isEqualTo("RUNNING");
        assertThat(run.get("lost_samples").getAsLong()).isEqualTo(250);
        JsonObject loss = run.getAsJsonArray("losses").get(0).getAsJsonObject();
        assertThat(loss.get("reason").getAsString()).isEqualTo("malformed_batch");
        assertThat(loss.get("batches").getAsLong()).isEqualTo(1);
        assertThat(loss.get("last_message").getAsString()).startsWith("malformed JSON");
    }

    @Test
    void aBatchTooLargeToReadIsCountedAsLostAndStillCountsAsActivity() throws Exception {
        String id = createRun("too large");
        clock.advance(TIMEOUT.minusSeconds(20));
        byte[] noise = new byte[300 * 1024];
        new java.util.Random(7).nextBytes(noise);

        ApiClient.Response r = api.post(CloudApi.METRICS_PATH_PREFIX + id, token, noise,
                Map.of(CloudApi.SAMPLE_COUNT_HEADER, "900"));
        clock.advance(TIMEOUT.minusSeconds(20));

        assertThat(r.status()).isEqualTo(413);
        assertThat(service.sweepTimeouts()).isZero();
        JsonObject run = runJson(id).getAsJsonObject("run");
        assertThat(run.get("lost_samples").getAsLong()).isEqualTo(900);
        assertThat(run.getAsJsonArray("losses").get(0).getAsJsonObject().get("reason").getAsString())
                .isEqualTo("unreadable_batch");
    }

    @Test
    void dataAfterTheEndAndRunnerDropsAreCountedWithTheirReasons() throws Exception {
        String id = createRun("late");
        push(id, requests(T0_MICROS, 0, 2), "b1", Map.of());
        api.postJson(CloudApi.TEST_PATH_PREFIX + id, token,
                new TestFinishedRequest(CloudApi.RESULT_PASSED, 3, Map.of(), 1234L));

        ApiClient.Response late = push(id, requests(T0_MICROS + 1_000_000, 0, 3), "b2", Map.of());

        assertThat(late.status()).isEqualTo(403);
        JsonObject run = runJson(id).getAsJsonObject("run");
        assertThat(run.get("lost_samples").getAsLong()).isEqualTo(1234 + 7);
        assertThat(run.getAsJsonArray("losses").toString())
                .contains("\"reason\":\"after_end\"").contains("\"samples\":7")
                .contains("\"reason\":\"runner_dropped\"").contains("\"samples\":1234");
    }

    @Test
    void valuesThatAreNotNumbersAreCountedAsLost() throws Exception {
        String id = createRun("nan");

        ApiClient.Response r = push(id, """
                [{"type":"Points","metric":"http_req_li_all","data":{"time":"%d","tags":{},
                  "values":{"http_reqs":1,"http_req_duration":null}}}]""".formatted(T0_MICROS), "b1", Map.of());

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.as(IngestResponse.class).lostSamples()).isEqualTo(1);
        assertThat(runJson(id).getAsJsonObject("run").getAsJsonArray("losses").toString()).contains("not_a_number");
    }

    @Test
    void aMetricNameOutsideK6sRulesIsA400NamingTheSample() throws Exception {
        String id = createRun("names");

        ApiClient.Response r = push(id, """
                [{"type":"Point","metric":"vus","data":{"time":"%d","type":"gauge","tags":{},"value":1}},
                 {"type":"Point","metric":"bad-name!","data":{"time":"%d","type":"counter","tags":{},"value":1}}]"""
                .formatted(T0_MICROS, T0_MICROS), "b1", Map.of());

        assertThat(r.status()).isEqualTo(400);
        ApiError.Body error = r.as(ApiError.class).error();
        assertThat(error.fieldErrors()).containsKey("samples[1]");
        assertThat(error.fieldErrors().get("samples[1]").get(0)).contains("bad-name!").contains("k6's rule");
    }

    @Test
    void samplesFarOutsideTheRunAreA400OnTheirTime() throws Exception {
        String id = createRun("times");
        long dayBefore = T0_MICROS - Duration.ofDays(1).toNanos() / 1000;

        ApiClient.Response r = push(id, requests(dayBefore, 0, 1), "b1", Map.of());

        assertThat(r.status()).isEqualTo(400);
        ApiError.Body error = r.as(ApiError.class).error();
        assertThat(error.message()).contains("far outside test run " + id);
        assertThat(error.fieldErrors().get("time").get(0)).contains("before the run was created");
        assertThat(runJson(id).getAsJsonObject("run").get("lost_samples").getAsLong()).isEqualTo(3);
    }

    @Test
    void negativeVusOrDurationAreA400WithFieldErrors() throws Exception {
        ApiClient.Response r = api.postJson(CloudApi.TESTS_PATH, token, new TestRunRequest("bad", null, -3, Map.of(), -60));

        assertThat(r.status()).isEqualTo(400);
        ApiError.Body error = r.as(ApiError.class).error();
        assertThat(error.fieldErrors()).containsOnlyKeys("vus", "duration");
        assertThat(error.message()).contains("vus must be 0 or more, got -3");
    }

    @Test
    void anOversizeThresholdMapIsA400() throws Exception {
        Map<String, List<String>> thresholds = new HashMap<>();
        for (int i = 0; i < 201; i++) {
            thresholds.put("metric_" + i, List.of("count>0"));
        }

        ApiClient.Response r = api.postJson(CloudApi.TESTS_PATH, token, new TestRunRequest("big", null, 1, thresholds, 60));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.as(ApiError.class).error().fieldErrors()).containsKey("thresholds");
    }

    @Test
    void aThresholdOnANameK6WouldRefuseIsA400() throws Exception {
        ApiClient.Response r = api.postJson(CloudApi.TESTS_PATH, token, new TestRunRequest("bad", null, 1,
                Map.of("http_req_duration{status:200}", List.of("p(95)<500"), "no such-metric", List.of("count>0")), 60));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.as(ApiError.class).error().fieldErrors()).containsOnlyKeys("thresholds.no such-metric");
    }
}
