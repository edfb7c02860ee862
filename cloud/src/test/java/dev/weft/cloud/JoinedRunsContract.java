package dev.weft.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.weft.cloud.api.JoinHeaders;
import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.CreateTestRunResponse;
import dev.weft.cloud.wire.TestFinishedRequest;
import dev.weft.cloud.wire.TestRunRequest;
import dev.weft.cloud.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs shared by several runner instances (one execution segment each), whatever database is
 * behind the service: create-or-join by key, merged seconds, and the run finishing with its
 * last instance.
 */
abstract class JoinedRunsContract {
    static final long T0_MICROS = 1_700_000_000_000_000L;

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
        service = ResultsService.start(ServiceConfig.defaults().withPort(0)
                .withDatabase(newDatabase(), dbUser(), dbPassword()).withRunTimeout(Duration.ofMinutes(2))
                .withSweepInterval(Duration.ofHours(1)).withPasswordIterations(1000).withClock(clock));
        api = new ApiClient(service.baseUrl());
        token = tokenFor("alice@example.com", "acme");
    }

    @AfterEach
    void stopService() {
        service.close();
    }

    String tokenFor(String email, String org) throws Exception {
        var p = service.accounts().createUser(service.accounts().organisation(org), email, "secret");
        return service.accounts().createToken(p);
    }

    ApiClient.Response join(String token, String key, Integer instances, String instance, long vus) throws Exception {
        Map<String, String> headers = new HashMap<>();
        headers.put(JoinHeaders.RUN_KEY, key);
        headers.put(JoinHeaders.INSTANCE, instance);
        if (instances != null) {
            headers.put(JoinHeaders.INSTANCES, instances.toString());
        }
        byte[] body = WireJson.GSON.toJson(new TestRunRequest("spread", null, vus, Map.of(), 60))
                .getBytes(StandardCharsets.UTF_8);
        return api.post(CloudApi.TESTS_PATH, token, body, headers);
    }

    String joined(String key, Integer instances, String instance) throws Exception {
        ApiClient.Response r = join(token, key, instances, instance, 10);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.as(CreateTestRunResponse.class).referenceId();
    }

    ApiClient.Response finish(String id, String instance, int runStatus, int result,
            Map<String, Map<String, Boolean>> thresholds) throws Exception {
        byte[] body = WireJson.GSON.toJson(new TestFinishedRequest(result, runStatus, thresholds))
                .getBytes(StandardCharsets.UTF_8);
        return api.post(CloudApi.TEST_PATH_PREFIX + id, token, body, Map.of(JoinHeaders.INSTANCE, instance));
    }

    void finishPassed(String id, String instance) throws Exception {
        ApiClient.Response r = finish(id, instance, 3, CloudApi.RESULT_PASSED, Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    void push(String id, String body, String batchKey) throws Exception {
        ApiClient.Response r = api.postGzip(CloudApi.METRICS_PATH_PREFIX + id, token, body,
                Map.of(CloudApi.IDEMPOTENCY_KEY_HEADER, batchKey));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** One instance's second: its VU gauge (tagged by instance, as the cloud output does), requests and a duration. */
    static String second(String instance, int vus, int requests, double duration) {
        return """
                [{"type":"Point","metric":"vus","data":{"time":"%d","type":"gauge","tags":{"instance_id":"%s"},"value":%d}},
                 {"type":"Point","metric":"http_reqs","data":{"time":"%d","type":"counter","tags":{"status":"200"},"value":%d}},
                 {"type":"Point","metric":"http_req_duration","data":{"time":"%d","type":"trend","tags":{"status":"200"},"value":%s}}]"""
                .formatted(T0_MICROS, instance, vus, T0_MICROS, requests, T0_MICROS, duration);
    }

    JsonObject run(String id) throws Exception {
        ApiClient.Response r = api.get("/api/runs/" + id, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return WireJson.GSON.fromJson(r.body(), JsonObject.class);
    }

    static JsonObject info(JsonObject run) {
        return run.getAsJsonObject("run");
    }

    static double sumOf(JsonObject run, String series) {
        double sum = 0;
        for (var e : run.getAsJsonObject("charts").getAsJsonArray(series)) {
            sum += e.isJsonNull() ? 0 : e.getAsDouble();
        }
        return sum;
    }

    @Test
    void threeInstancesWithOneKeyShareOneRunWhoseSecondsAddUp() throws Exception {
        String a = joined("job-1", 3, "0");
        String b = joined("job-1", 3, "1");
        String c = joined("job-1", 3, "2");
        assertThat(b).isEqualTo(a);
        assertThat(c).isEqualTo(a);

        push(a, second("0", 4, 5, 100), "0-1");
        push(a, second("1", 3, 7, 200), "1-1");
        push(a, second("2", 3, 11, 300), "2-1");

        JsonObject run = run(a);
        assertThat(run.getAsJsonObject("charts").getAsJsonArray("seconds")).hasSize(1);
        assertThat(sumOf(run, "rps")).isEqualTo(23.0);
        assertThat(sumOf(run, "avg")).isEqualTo(200.0);
        assertThat(sumOf(run, "p99")).isBetween(299.0, 301.0);
        assertThat(sumOf(run, "vus")).isEqualTo(10.0);
        assertThat(info(run).get("vus").getAsLong()).isEqualTo(30);
        assertThat(info(run).get("instances").getAsInt()).isEqualTo(3);
    }

    @Test
    void theRunFinishesOnlyWhenItsLastInstanceDoes() throws Exception {
        String id = joined("job-2", 3, "0");
        joined("job-2", 3, "1");
        joined("job-2", 3, "2");

        finishPassed(id, "0");
        finishPassed(id, "2");
        finishPassed(id, "2");
        assertThat(info(run(id)).get("run_state").getAsString()).isEqualTo("RUNNING");
        assertThat(info(run(id)).get("finished_instances").getAsInt()).isEqualTo(2);
        push(id, second("1", 1, 1, 10), "1-late");

        finishPassed(id, "1");
        JsonObject run = info(run(id));
        assertThat(run.get("run_state").getAsString()).isEqualTo("FINISHED");
        assertThat(run.get("run_status").getAsInt()).isEqualTo(3);
        assertThat(run.get("result_status").getAsInt()).isEqualTo(CloudApi.RESULT_PASSED);
    }

    @Test
    void theRunTakesTheWorstOutcomeOfItsInstances() throws Exception {
        String id = joined("job-3", 2, "a");
        joined("job-3", 2, "b");

        finish(id, "a", 3, CloudApi.RESULT_FAILED, Map.of("http_req_duration", Map.of("p(95)<500", true)));
        finish(id, "b", 5, CloudApi.RESULT_PASSED, Map.of("http_req_duration", Map.of("p(95)<500", false),
                "checks", Map.of("rate>0.9", false)));

        JsonObject run = info(run(id));
        assertThat(run.get("run_state").getAsString()).isEqualTo("FINISHED");
        assertThat(run.get("run_status").getAsInt()).isEqualTo(5);
        assertThat(run.get("result_status").getAsInt()).isEqualTo(CloudApi.RESULT_FAILED);
        assertThat(run.getAsJsonObject("threshold_results").getAsJsonObject("http_req_duration")
                .get("p(95)<500").getAsBoolean()).isTrue();
        assertThat(run.getAsJsonObject("threshold_results").getAsJsonObject("checks")
                .get("rate>0.9").getAsBoolean()).isFalse();
    }

    @Test
    void aRetriedCreateOfTheSameInstanceCountsOnce() throws Exception {
        String id = joined("job-4", 2, "0");
        assertThat(joined("job-4", 2, "0")).isEqualTo(id);

        JsonObject run = info(run(id));
        assertThat(run.get("instances").getAsInt()).isEqualTo(1);
        assertThat(run.get("vus").getAsLong()).isEqualTo(10);
    }

    @Test
    void moreInstancesThanExpectedOrADifferentCountAreRefused() throws Exception {
        joined("job-5", 2, "0");
        joined("job-5", 2, "1");

        ApiClient.Response extra = join(token, "job-5", 2, "2", 10);
        assertThat(extra.status()).isEqualTo(409);
        assertThat(extra.body()).contains("has all its 2 instances");
        ApiClient.Response mismatch = join(token, "job-5", 3, "9", 10);
        assertThat(mismatch.status()).isEqualTo(409);
        assertThat(mismatch.body()).contains("expects 2 instances but this instance says 3 instances");
    }

    @Test
    void aFinishedRunCannotBeJoinedAgain() throws Exception {
        String id = joined("job-6", 1, "0");
        finishPassed(id, "0");

        ApiClient.Response late = join(token, "job-6", 1, "1", 10);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("is finished; a new test needs a new key");
    }

    @Test
    void withoutACountTheRunFinishesWhenEveryInstanceThatJoinedHas() throws Exception {
        String id = joined("job-7", null, "0");
        joined("job-7", null, "1");

        finishPassed(id, "0");
        assertThat(info(run(id)).get("run_state").getAsString()).isEqualTo("RUNNING");
        finishPassed(id, "1");
        assertThat(info(run(id)).get("run_state").getAsString()).isEqualTo("FINISHED");
    }

    @Test
    void theSameKeyInAnotherOrganisationIsAnotherRun() throws Exception {
        String mine = joined("job-8", 2, "0");
        ApiClient.Response theirs = join(tokenFor("bob@example.com", "other"), "job-8", 2, "0", 10);

        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.as(CreateTestRunResponse.class).referenceId()).isNotEqualTo(mine);
    }

    @Test
    void runsWithoutAKeyStayOneRunPerCreate() throws Exception {
        byte[] body = WireJson.GSON.toJson(new TestRunRequest("plain", null, 1, Map.of(), 60)).getBytes(StandardCharsets.UTF_8);
        String a = api.post(CloudApi.TESTS_PATH, token, body, Map.of()).as(CreateTestRunResponse.class).referenceId();
        String b = api.post(CloudApi.TESTS_PATH, token, body, Map.of()).as(CreateTestRunResponse.class).referenceId();

        assertThat(a).isNotEqualTo(b);
        assertThat(info(run(a)).has("run_key")).isFalse();
    }

    @Test
    void aKeyWithoutAnInstanceIdIsA400() throws Exception {
        byte[] body = WireJson.GSON.toJson(new TestRunRequest("x", null, 1, Map.of(), 60)).getBytes(StandardCharsets.UTF_8);
        ApiClient.Response r = api.post(CloudApi.TESTS_PATH, token, body, Map.of(JoinHeaders.RUN_KEY, "k"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains(JoinHeaders.INSTANCE);
    }

    @Test
    void aSecondWithOnlyVuGaugesIsChartedWithoutRequests() throws Exception {
        String id = joined("job-9", 2, "0");
        joined("job-9", 2, "1");
        String gauge = """
                [{"type":"Point","metric":"vus","data":{"time":"%d","type":"gauge","tags":{"instance_id":"%s"},"value":%d}}]""";

        push(id, gauge.formatted(T0_MICROS, "0", 3), "0-1");
        push(id, gauge.formatted(T0_MICROS, "1", 4), "1-1");

        JsonObject run = run(id);
        assertThat(sumOf(run, "vus")).isEqualTo(7.0);
        assertThat(run.getAsJsonObject("charts").getAsJsonArray("errors").get(0).isJsonNull()).isTrue();
    }
}
