package dev.weft.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.weft.cloud.account.Principal;
import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.CreateTestRunResponse;
import dev.weft.cloud.wire.LogBatch;
import dev.weft.cloud.wire.TestRunRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run's log lines over real HTTP into the real service: pushed by the run's token to
 * {@code POST /v1/tests/{id}/logs}, read back from {@code GET /api/runs/{id}/logs} in order, by
 * level, scenario and page; a re-sent batch stored once; past the run's limit lines are counted
 * and one line says so. Runs on H2 and on PostgreSQL.
 */
abstract class RunLogsContract {
    static final long LIMIT = 50;

    abstract String newDatabase() throws Exception;

    String dbUser() {
        return null;
    }

    String dbPassword() {
        return null;
    }

    ResultsService service;
    ApiClient api;
    String token;
    String otherToken;

    @BeforeEach
    void startService() throws Exception {
        service = ResultsService.start(ServiceConfig.defaults().withPort(0).withDatabase(newDatabase(), dbUser(),
                dbPassword()).withSweepInterval(Duration.ofHours(1)).withPasswordIterations(1000)
                .withLimits(ServiceLimits.defaults().withLogLinesPerRun(LIMIT)));
        Principal p = service.accounts().createUser(service.accounts().organisation("acme"), "qa@example.com", "pw");
        token = service.accounts().createToken(p);
        Principal other = service.accounts().createUser(service.accounts().organisation("other"), "o@example.com", "pw");
        otherToken = service.accounts().createToken(other);
        api = new ApiClient(service.baseUrl());
    }

    @AfterEach
    void stopService() {
        if (service != null) {
            service.close();
        }
    }

    private String createRun() throws Exception {
        return api.postJson(CloudApi.TESTS_PATH, token, new TestRunRequest("logs", null, 2, Map.of(), 30))
                .as(CreateTestRunResponse.class).referenceId();
    }

    private static LogBatch.Line line(long seq, String level, String message, Integer vu, String scenario) {
        return new LogBatch.Line(seq, 1_700_000_000_000L + seq, level, message, "console", vu,
                vu == null ? null : seq, scenario);
    }

    private ApiClient.Response push(String run, String instance, List<LogBatch.Line> lines) throws Exception {
        return api.postJson(CloudApi.TEST_PATH_PREFIX + run + CloudApi.LOGS_SUFFIX, token, new LogBatch(instance, lines));
    }

    private JsonArray logs(String run, String query) throws Exception {
        ApiClient.Response r = api.get("/api/runs/" + run + "/logs" + query, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return JsonParser.parseString(r.body()).getAsJsonArray();
    }

    private static List<String> messages(JsonArray lines) {
        List<String> out = new ArrayList<>();
        for (JsonElement e : lines) {
            out.add(e.getAsJsonObject().get("message").getAsString());
        }
        return out;
    }

    @Test
    void linesComeBackInTheOrderTheyWereLoggedWithLevelTimeAndSource() throws Exception {
        String run = createRun();
        ApiClient.Response r = push(run, "", List.of(line(1, "info", "starting", null, null),
                line(2, "warning", "slow answer", 3, "browse"), line(3, "error", "boom\n  at default (s.js:4)", 3,
                        "browse")));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.as(LogBatch.Answer.class)).isEqualTo(new LogBatch.Answer(3, 0, 0));
        JsonArray lines = logs(run, "");
        assertThat(messages(lines)).containsExactly("starting", "slow answer", "boom\n  at default (s.js:4)");
        JsonObject warn = lines.get(1).getAsJsonObject();
        assertThat(warn.get("level").getAsString()).isEqualTo("warn");
        assertThat(warn.get("t").getAsLong()).isEqualTo(1_700_000_000_002L);
        assertThat(warn.get("source").getAsString()).isEqualTo("console");
        assertThat(warn.get("vu").getAsLong()).isEqualTo(3);
        assertThat(warn.get("scenario").getAsString()).isEqualTo("browse");
        assertThat(lines.get(0).getAsJsonObject().has("vu")).isFalse();
    }

    @Test
    void levelScenarioAndAfterSelectLinesAndPage() throws Exception {
        String run = createRun();
        push(run, "", List.of(line(1, "info", "a", 1, "one"), line(2, "error", "b", 1, "one"),
                line(3, "info", "c", 2, "two"), line(4, "warn", "d", 2, "two")));

        assertThat(messages(logs(run, "?level=error,warn"))).containsExactly("b", "d");
        assertThat(messages(logs(run, "?scenario=two"))).containsExactly("c", "d");
        JsonArray first = logs(run, "?limit=2");
        assertThat(messages(first)).containsExactly("a", "b");
        long after = first.get(1).getAsJsonObject().get("seq").getAsLong();
        assertThat(messages(logs(run, "?after=" + after))).containsExactly("c", "d");
    }

    @Test
    void aBatchSentAgainIsStoredOnceAndItsNewLinesAreKept() throws Exception {
        String run = createRun();
        push(run, "", List.of(line(1, "info", "a", 1, "s"), line(2, "info", "b", 1, "s")));

        ApiClient.Response again = push(run, "", List.of(line(1, "info", "a", 1, "s"), line(2, "info", "b", 1, "s"),
                line(3, "info", "c", 1, "s")));

        assertThat(again.as(LogBatch.Answer.class)).isEqualTo(new LogBatch.Answer(1, 2, 0));
        assertThat(messages(logs(run, ""))).containsExactly("a", "b", "c");
    }

    @Test
    void instancesOfASharedRunNumberTheirLinesApart() throws Exception {
        String run = createRun();
        push(run, "i1", List.of(line(1, "info", "from one", 1, "s")));
        push(run, "i2", List.of(line(1, "info", "from two", 1, "s")));

        JsonArray lines = logs(run, "");
        assertThat(messages(lines)).containsExactly("from one", "from two");
        assertThat(lines.get(1).getAsJsonObject().get("instance").getAsString()).isEqualTo("i2");
    }

    @Test
    void pastTheRunsLimitLinesAreCountedAsDroppedAndOneLineSaysSo() throws Exception {
        String run = createRun();
        List<LogBatch.Line> flood = new ArrayList<>();
        for (int i = 1; i <= LIMIT + 30; i++) {
            flood.add(line(i, "info", "line " + i, 1, "s"));
        }

        LogBatch.Answer answer = push(run, "", flood).as(LogBatch.Answer.class);

        assertThat(answer).isEqualTo(new LogBatch.Answer(LIMIT, 0, 30));
        JsonArray lines = logs(run, "?limit=5000");
        assertThat(lines).hasSize((int) LIMIT + 1);
        JsonObject note = lines.get((int) LIMIT).getAsJsonObject();
        assertThat(note.get("level").getAsString()).isEqualTo("warn");
        assertThat(note.get("source").getAsString()).isEqualTo("weft");
        assertThat(note.get("message").getAsString()).contains("limit of " + LIMIT + " log lines");
        LogBatch.Answer later = push(run, "", List.of(line(LIMIT + 31, "info", "late", 1, "s")))
                .as(LogBatch.Answer.class);
        assertThat(later).isEqualTo(new LogBatch.Answer(0, 0, 1));
        assertThat(logs(run, "?limit=5000")).hasSize((int) LIMIT + 1);
    }

    @Test
    void onlyTheRunsOrganisationPushesOrReadsItsLogs() throws Exception {
        String run = createRun();
        String path = CloudApi.TEST_PATH_PREFIX + run + CloudApi.LOGS_SUFFIX;
        LogBatch batch = new LogBatch("", List.of(line(1, "info", "secret", 1, "s")));

        assertThat(api.postJson(path, null, batch).status()).isEqualTo(401);
        assertThat(api.postJson(path, otherToken, batch).status()).isEqualTo(404);
        assertThat(api.get("/api/runs/" + run + "/logs", null).status()).isEqualTo(401);
        assertThat(api.get("/api/runs/" + run + "/logs", otherToken).status()).isEqualTo(404);
        assertThat(logs(run, "")).isEmpty();
    }

    @Test
    void badQueriesAndBatchesAreRefusedNamingTheProblem() throws Exception {
        String run = createRun();

        ApiClient.Response unknown = api.get("/api/runs/" + run + "/logs?tag.url=x", token);
        ApiClient.Response level = api.get("/api/runs/" + run + "/logs?level=loud", token);
        ApiClient.Response order = push(run, "", List.of(line(2, "info", "b", 1, "s"), line(1, "info", "a", 1, "s")));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("'tag.url'");
        assertThat(level.status()).isEqualTo(400);
        assertThat(level.body()).contains("'loud'");
        assertThat(order.status()).isEqualTo(400);
        assertThat(order.body()).contains("increasing order");
    }
}
