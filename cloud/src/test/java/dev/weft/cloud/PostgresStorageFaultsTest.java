package dev.weft.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.weft.cloud.account.Principal;
import dev.weft.cloud.wire.ApiError;
import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.CreateTestRunResponse;
import dev.weft.cloud.wire.TestRunRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A PostgreSQL database that is (or turns) read-only: no start, and 503 rather than 500 while serving. */
class PostgresStorageFaultsTest {
    static PostgresCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = PostgresCluster.startOrSkip();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static ServiceConfig config(String url) {
        return ServiceConfig.defaults().withPort(0).withDatabase(url, cluster.user(), "")
                .withSweepInterval(Duration.ofHours(1)).withPasswordIterations(1000);
    }

    /** Makes the database read-only for new sessions and ends the current ones. */
    private static void makeReadOnly(String url) throws Exception {
        setReadOnly(url, true);
    }

    private static void setReadOnly(String url, boolean readOnly) throws Exception {
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres",
                cluster.user(), ""); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + name + " SET default_transaction_read_only = " + (readOnly ? "on" : "off"));
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
        }
    }

    @Test
    void pushesRefusedForStorageStillKeepTheRunFromTimingOut() throws Exception {
        String url = cluster.newDatabase();
        FakeClock clock = new FakeClock(java.time.Instant.now());
        try (ResultsService service = ResultsService.start(config(url).withClock(clock).withRunTimeout(Duration.ofSeconds(120)))) {
            Principal p = service.accounts().createUser(service.accounts().organisation("acme"), "a@example.com", "pw");
            String token = service.accounts().createToken(p);
            ApiClient api = new ApiClient(service.baseUrl());
            String id = api.postJson(CloudApi.TESTS_PATH, token, new TestRunRequest("alive", null, 1, Map.of(), 60))
                    .as(CreateTestRunResponse.class).referenceId();
            String batch = "[{\"type\":\"Point\",\"metric\":\"vus\",\"data\":{\"time\":\""
                    + System.currentTimeMillis() * 1000 + "\",\"type\":\"gauge\",\"tags\":{},\"value\":1}}]";
            makeReadOnly(url);

            for (int minute = 0; minute < 3; minute++) {
                clock.advance(Duration.ofSeconds(60));
                api.postGzip(CloudApi.METRICS_PATH_PREFIX + id, token, batch, Map.of());
                assertThat(api.postGzip(CloudApi.METRICS_PATH_PREFIX + id, token, batch, Map.of()).status())
                        .isEqualTo(503);
            }
            setReadOnly(url, false);
            service.sweepTimeouts();
            int timedOut = service.sweepTimeouts();

            assertThat(timedOut).as("180 s without stored data, but the runner kept sending").isZero();
            ApiClient.Response after = api.postGzip(CloudApi.METRICS_PATH_PREFIX + id, token, batch, Map.of());
            assertThat(after.status()).as(after.body()).isEqualTo(200);
        }
    }

    @Test
    void aReadOnlyDatabaseRefusesToStartWithOneClearLine() throws Exception {
        String url = cluster.newDatabase();
        ResultsService.start(config(url)).close();
        makeReadOnly(url);

        assertThatThrownBy(() -> ResultsService.start(config(url)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not take writes: the database is read-only")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aDatabaseTurnedReadOnlyWhileServingAnswers503NeverA500() throws Exception {
        String url = cluster.newDatabase();
        try (ResultsService service = ResultsService.start(config(url))) {
            Principal p = service.accounts().createUser(service.accounts().organisation("acme"), "a@example.com", "pw");
            String token = service.accounts().createToken(p);
            ApiClient api = new ApiClient(service.baseUrl());
            String id = api.postJson(CloudApi.TESTS_PATH, token, new TestRunRequest("ro", null, 1, Map.of(), 60))
                    .as(CreateTestRunResponse.class).referenceId();
            makeReadOnly(url);
            long micros = System.currentTimeMillis() * 1000;
            String batch = "[{\"type\":\"Point\",\"metric\":\"vus\",\"data\":{\"time\":\"" + micros
                    + "\",\"type\":\"gauge\",\"tags\":{},\"value\":1}}]";

            List<ApiClient.Response> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                answers.add(api.postGzip(CloudApi.METRICS_PATH_PREFIX + id, token, batch, Map.of()));
            }

            assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(503));
            assertThat(answers.get(answers.size() - 1).as(ApiError.class).error().message())
                    .isEqualTo("storage unavailable: the database is read-only; nothing of this request was stored, "
                            + "send it again later");
        }
    }
}
