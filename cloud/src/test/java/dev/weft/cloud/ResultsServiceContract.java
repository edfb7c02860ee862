package dev.weft.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.weft.cloud.account.Principal;
import dev.weft.cloud.wire.ApiError;
import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.CreateTestRunResponse;
import dev.weft.cloud.wire.LoginRequest;
import dev.weft.cloud.wire.LoginResponse;
import dev.weft.cloud.wire.TestFinishedRequest;
import dev.weft.cloud.wire.TestRunRequest;
import dev.weft.cloud.wire.ValidateTokenRequest;
import dev.weft.cloud.wire.ValidateTokenResponse;
import dev.weft.cloud.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the results service promises, whatever database is behind it. Each database has a
 * subclass that says how to get a fresh, empty database.
 */
abstract class ResultsServiceContract {
    static final Duration TIMEOUT = Duration.ofSeconds(120);
    static final long T0_MICROS = 1_700_000_000_000_000L;

    /** A JDBC URL of a fresh, empty database. */
    abstract String newDatabase() throws Exception;

    String dbUser() {
        return null;
    }

    String dbPassword() {
        return null;
    }

    final FakeClock clock = new FakeClock(Instant.ofEpochSecond(1_700_000_000L));
    String jdbcUrl;
    ResultsService service;
    ApiClient api;
    String token;

    @BeforeEach
    void startService() throws Exception {
        jdbcUrl = newDatabase();
        service = ResultsService.start(config());
        api = new ApiClient(service.baseUrl());
        token = tokenFor("alice@example.com", "acme");
    }

    @AfterEach
    void stopService() {
        service.close();
    }

    ServiceConfig config() {
        return ServiceConfig.defaults().withPort(0).withDatabase(jdbcUrl, dbUser(), dbPassword())
                .withRunTimeout(TIMEOUT).withSweepInterval(Duration.ofHours(1)).withPasswordIterations(1000)
                .withBodyLimits(256 * 1024, 1024 * 1024).withClock(clock);
    }

    String tokenFor(String email, String org) throws Exception {
        Principal p = service.accounts().createUser(service.accounts().organisation(org), email, "secret");
        return service.accounts().createToken(p);
    }

    String createRun(String name) throws Exception {
        ApiClient.Response r = api.postJson(CloudApi.TESTS_PATH, token,
                new TestRunRequest(name, null, 10, Map.of("http_req_duration", List.of("p(95)<500")), 60));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.as(CreateTestRunResponse.class).referenceId();
    }

    static String points(long micros, int requests, double duration) {
        return """
                [{"type":"Point","metric":"vus","data":{"time":"%d","type":"gauge","tags":{},"value":5}},
                 {"type":"Point","metric":"http_reqs","data":{"time":"%d","type":"counter","tags":{"status":"200"},"value":%d}},
                 {"type":"Points","metric":"http_req_li_all","data":{"time":"%d","tags":{"status":"200"},
                   "values":{"http_req_duration":%s,"http_req_failed":0}}}]"""
                .formatted(micros, micros, requests, micros, duration);
    }

    ApiClient.Response push(String runId, String body, String batchKey) throws Exception {
        return api.postGzip(CloudApi.METRICS_PATH_PREFIX + runId, token, body,
                batchKey == null ? Map.of() : Map.of(CloudApi.IDEMPOTENCY_KEY_HEADER, batchKey));
    }

    JsonObject run(String runId) throws Exception {
        ApiClient.Response r = api.get("/api/runs/" + runId, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return WireJson.GSON.fromJson(r.body(), JsonObject.class);
    }

    static String state(JsonObject run) {
        return run.getAsJsonObject("run").get("run_state").getAsString();
    }

    static double sumOf(JsonObject run, String series) {
        double sum = 0;
        for (var e : run.getAsJsonObject("charts").getAsJsonArray(series)) {
            sum += e.isJsonNull() ? 0 : e.getAsDouble();
        }
        return sum;
    }

    @Test
    void aNewRunIsRunningAndPointsTheRunnerAtItsPage() throws Exception {
        ApiClient.Response r = api.postJson(CloudApi.TESTS_PATH, token, new TestRunRequest("smoke", null, 10, Map.of(), 60));

        CreateTestRunResponse created = r.as(CreateTestRunResponse.class);
        assertThat(created.runUrl()).isEqualTo(service.baseUrl() + "/runs/" + created.referenceId());
        assertThat(state(run(created.referenceId()))).isEqualTo("RUNNING");
    }

    @Test
    void ingestedSamplesBecomePerSecondChartData() throws Exception {
        String id = createRun("ingest");

        assertThat(push(id, points(T0_MICROS, 3, 120), "b1").status()).isEqualTo(200);
        assertThat(push(id, points(T0_MICROS + 1_000_000, 4, 80), "b2").status()).isEqualTo(200);

        JsonObject run = run(id);
        assertThat(run.getAsJsonObject("charts").getAsJsonArray("seconds")).hasSize(2);
        assertThat(sumOf(run, "rps")).isEqualTo(7.0);
        assertThat(sumOf(run, "vus")).isEqualTo(10.0);
        assertThat(run.getAsJsonObject("charts").getAsJsonArray("p95").get(0).getAsDouble()).isBetween(119.0, 121.0);
    }

    @Test
    void batchesForTheSameSecondMergeCountsAndPercentiles() throws Exception {
        String id = createRun("merge");

        push(id, points(T0_MICROS, 3, 100), "b1");
        push(id, points(T0_MICROS + 500_000, 4, 300), "b2");

        JsonObject run = run(id);
        assertThat(run.getAsJsonObject("charts").getAsJsonArray("seconds")).hasSize(1);
        assertThat(sumOf(run, "rps")).isEqualTo(7.0);
        assertThat(sumOf(run, "avg")).isEqualTo(200.0);
        assertThat(sumOf(run, "p99")).isBetween(299.0, 301.0);
    }

    @Test
    void aBatchSentTwiceWithTheSameKeyIsIngestedOnce() throws Exception {
        String id = createRun("idempotent");

        push(id, points(T0_MICROS, 3, 100), "same-key");
        ApiClient.Response again = push(id, points(T0_MICROS, 3, 100), "same-key");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("\"duplicate\":true");
        assertThat(sumOf(run(id), "rps")).isEqualTo(3.0);
    }

    @Test
    void finishingARunMakesItFinishedWithItsThresholdResults() throws Exception {
        String id = createRun("finish");
        push(id, points(T0_MICROS, 1, 100), "b1");

        ApiClient.Response r = api.postJson(CloudApi.TEST_PATH_PREFIX + id, token, new TestFinishedRequest(
                CloudApi.RESULT_FAILED, 3, Map.of("http_req_duration", Map.of("p(95)<500", true))));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonObject run = run(id).getAsJsonObject("run");
        assertThat(run.get("run_state").getAsString()).isEqualTo("FINISHED");
        assertThat(run.get("result_status").getAsInt()).isEqualTo(1);
        assertThat(run.getAsJsonObject("threshold_results").toString()).contains("\"p(95)<500\":true");
    }

    @Test
    void aRunAbortedByTheUserStillCountsAsFinished() throws Exception {
        String id = createRun("abort");

        api.postJson(CloudApi.TEST_PATH_PREFIX + id, token, new TestFinishedRequest(0, 5, Map.of()));

        JsonObject run = run(id).getAsJsonObject("run");
        assertThat(run.get("run_state").getAsString()).isEqualTo("FINISHED");
        assertThat(run.get("run_status").getAsInt()).isEqualTo(5);
    }

    @Test
    void aRunWithoutDataForTheTimeoutTimesOutAndKeepsWhatCameBefore() throws Exception {
        String id = createRun("timeout");
        push(id, points(T0_MICROS, 2, 100), "b1");

        clock.advance(TIMEOUT.plusSeconds(1));
        assertThat(service.sweepTimeouts()).isEqualTo(1);

        ApiClient.Response late = push(id, points(T0_MICROS + 5_000_000, 9, 100), "b2");
        assertThat(late.status()).isEqualTo(403);
        ApiError error = late.as(ApiError.class);
        assertThat(error.error().code()).isEqualTo(CloudApi.ERROR_CODE_NO_MORE_METRICS);
        assertThat(error.error().message()).contains("timed out");
        assertThat(state(run(id))).isEqualTo("TIMED_OUT");
        assertThat(sumOf(run(id), "rps")).isEqualTo(2.0);
    }

    @Test
    void dataJustBeforeTheTimeoutKeepsTheRunRunning() throws Exception {
        String id = createRun("alive");

        clock.advance(TIMEOUT.minusSeconds(1));
        push(id, points(T0_MICROS, 1, 100), "b1");
        clock.advance(TIMEOUT.minusSeconds(1));

        assertThat(service.sweepTimeouts()).isZero();
        assertThat(state(run(id))).isEqualTo("RUNNING");
    }

    @Test
    void aLateBatchOfAnIdleRunThatWasNotSweptYetIsRefused() throws Exception {
        String id = createRun("idle");

        clock.advance(TIMEOUT.plusSeconds(5));
        ApiClient.Response r = push(id, points(T0_MICROS, 1, 100), "b1");

        assertThat(r.status()).isEqualTo(403);
        assertThat(state(run(id))).isEqualTo("TIMED_OUT");
    }

    @Test
    void malformedJsonIsA400WithAMessage() throws Exception {
        String id = createRun("bad-json");

        ApiClient.Response r = push(id, "[{\"type\":\"Point\",", "b1");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.as(ApiError.class).error().message()).startsWith("malformed JSON");
    }

    @Test
    void anUnknownSampleTypeIsA400NamingIt() throws Exception {
        String id = createRun("bad-type");

        ApiClient.Response r = push(id, "[{\"type\":\"Blob\",\"metric\":\"my_metric\",\"data\":{}}]", "b1");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.as(ApiError.class).error().message()).contains("unknown sample type 'Blob'");
    }

    @Test
    void anOversizedBodyIsA413() throws Exception {
        String id = createRun("big");
        byte[] big = new byte[400 * 1024];

        ApiClient.Response r = api.post(CloudApi.METRICS_PATH_PREFIX + id, token, big, Map.of());

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.as(ApiError.class).error().message()).contains("larger than");
    }

    @Test
    void aGzipBombStopsAtTheDecompressedCap() throws Exception {
        String id = createRun("bomb");
        byte[] bomb = ApiClient.gzip(new byte[50 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(256 * 1024);

        ApiClient.Response r = api.post(CloudApi.METRICS_PATH_PREFIX + id, token, bomb, Map.of("Content-Encoding", "gzip"));

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.as(ApiError.class).error().message()).contains("decompressed body is larger than");
    }

    @Test
    void aWrongOrMissingTokenIsA401() throws Exception {
        String id = createRun("auth");

        ApiClient.Response wrong = api.postGzip(CloudApi.METRICS_PATH_PREFIX + id, "nope", points(T0_MICROS, 1, 1), Map.of());
        ApiClient.Response missing = api.postGzip(CloudApi.METRICS_PATH_PREFIX + id, null, points(T0_MICROS, 1, 1), Map.of());

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.as(ApiError.class).error().message()).isEqualTo("invalid API token");
        assertThat(missing.status()).isEqualTo(401);
    }

    @Test
    void anUnknownRunIsA404() throws Exception {
        ApiClient.Response r = push("999999", points(T0_MICROS, 1, 1), "b1");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.as(ApiError.class).error().message()).contains("unknown test run 999999");
    }

    @Test
    void anotherOrganisationCannotSeeOrFeedARun() throws Exception {
        String id = createRun("private");
        push(id, points(T0_MICROS, 2, 100), "b1");
        String other = tokenFor("mallory@example.com", "other-org");

        ApiClient.Response read = api.get("/api/runs/" + id, other);
        ApiClient.Response write = api.postGzip(CloudApi.METRICS_PATH_PREFIX + id, other, points(T0_MICROS, 50, 1), Map.of());
        ApiClient.Response list = api.get(CloudApi.TESTS_PATH, other);

        assertThat(read.status()).isEqualTo(404);
        assertThat(write.status()).isEqualTo(404);
        assertThat(list.body()).doesNotContain("private");
        assertThat(sumOf(run(id), "rps")).isEqualTo(2.0);
    }

    @Test
    void badRequestsToOneRunLeaveAnotherRunsDataAlone() throws Exception {
        String good = createRun("good");
        String bad = createRun("bad");
        push(good, points(T0_MICROS, 5, 100), "g1");

        push(bad, "[{\"type\":\"Point\",\"metric\":\"x\",\"data\":{\"time\":\"1\",\"type\":\"bogus\",\"value\":1}}]", "x1");
        push(bad, "{not json", "x2");
        api.post(CloudApi.METRICS_PATH_PREFIX + bad, token, "garbage".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Encoding", "gzip"));

        assertThat(sumOf(run(good), "rps")).isEqualTo(5.0);
        assertThat(state(run(good))).isEqualTo("RUNNING");
    }

    @Test
    void aPasswordLoginReturnsAWorkingTokenAndValidationKnowsIt() throws Exception {
        ApiClient.Response login = api.postJson(CloudApi.LOGIN_PATH, null, new LoginRequest("alice@example.com", "secret"));
        String fresh = login.as(LoginResponse.class).token();

        ApiClient.Response valid = api.postJson(CloudApi.VALIDATE_TOKEN_PATH, null, new ValidateTokenRequest(fresh));
        ApiClient.Response invalid = api.postJson(CloudApi.VALIDATE_TOKEN_PATH, null, new ValidateTokenRequest("x"));
        ApiClient.Response wrongPassword = api.postJson(CloudApi.LOGIN_PATH, null, new LoginRequest("alice@example.com", "no"));

        assertThat(valid.as(ValidateTokenResponse.class).valid()).isTrue();
        assertThat(invalid.as(ValidateTokenResponse.class).valid()).isFalse();
        assertThat(wrongPassword.status()).isEqualTo(401);
    }

    @Test
    void aRestartedServiceKeepsRunsAndTheirData() throws Exception {
        String id = createRun("restart");
        push(id, points(T0_MICROS, 3, 100), "b1");

        service.close();
        service = ResultsService.start(config());
        api = new ApiClient(service.baseUrl());
        push(id, points(T0_MICROS + 1_000_000, 4, 100), "b2");

        assertThat(state(run(id))).isEqualTo("RUNNING");
        assertThat(sumOf(run(id), "rps")).isEqualTo(7.0);
    }
}
