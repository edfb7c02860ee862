package dev.weft.cloud.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.CreateTestRunResponse;
import dev.weft.cloud.wire.LogBatch;
import dev.weft.cloud.wire.TestRunRequest;
import dev.weft.cloud.wire.WireJson;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results service as {@code weft run} embeds it for the web dashboard, over real loopback HTTP. */
class LocalDashboardTest {
    @TempDir
    Path dir;
    LocalDashboard dashboard;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void stop() {
        if (dashboard != null) {
            dashboard.close();
        }
        http.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(dashboard.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(dashboard.url() + path))
                .POST(HttpRequest.BodyPublishers.ofString(WireJson.GSON.toJson(body)));
        if (token != null) {
            b.header(CloudApi.AUTHORIZATION_HEADER, CloudApi.authorization(token));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String createRun() throws Exception {
        HttpResponse<String> created = post(CloudApi.TESTS_PATH, dashboard.ingestToken(),
                new TestRunRequest("local.js", null, 1, Map.of(), 10));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return WireJson.GSON.fromJson(created.body(), CreateTestRunResponse.class).referenceId();
    }

    @Test
    void theBrowserNeedsNoLoginAndTheRootOpensTheRun() throws Exception {
        dashboard = LocalDashboard.start("127.0.0.1", 0, Duration.ofSeconds(1));
        assertThat(dashboard.url()).isEqualTo("http://127.0.0.1:" + dashboard.port());
        assertThat(get("/").statusCode()).as("no run yet: the home page").isEqualTo(200);

        String run = createRun();

        HttpResponse<String> root = get("/");
        assertThat(root.statusCode()).isEqualTo(303);
        assertThat(root.headers().firstValue("Location")).hasValue("/runs/" + run);
        assertThat(get("/runs/" + run).statusCode()).isEqualTo(200);
        assertThat(get("/api/runs/" + run).body()).contains("local.js");
    }

    @Test
    void onlyTheRunsTokenPushesData() throws Exception {
        dashboard = LocalDashboard.start("127.0.0.1", 0, Duration.ofSeconds(1));
        String run = createRun();
        String logs = CloudApi.TEST_PATH_PREFIX + run + CloudApi.LOGS_SUFFIX;
        LogBatch batch = new LogBatch("", List.of(new LogBatch.Line(1, 1, "info", "hi", "console", 1, 0L, "default")));

        assertThat(post(logs, null, batch).statusCode()).isEqualTo(401);
        assertThat(post(logs, "not-the-token-0123456789abcdef0123", batch).statusCode()).isEqualTo(401);
        assertThat(post(logs, dashboard.ingestToken(), batch).statusCode()).isEqualTo(200);
        assertThat(get("/api/runs/" + run + "/logs").body()).contains("\"message\":\"hi\"");
    }

    @Test
    void aBusyPortIsABindExceptionNamingHostAndPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> LocalDashboard.start("127.0.0.1", port, Duration.ofSeconds(1)))
                    .isInstanceOf(BindException.class)
                    .hasMessage("cannot listen on 127.0.0.1:" + port + ": address already in use");
        }
    }

    @Test
    void anAddressOffLoopbackIsRefusedBecauseThereIsNoLogin() {
        assertThatThrownBy(() -> LocalDashboard.start("0.0.0.0", 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host '0.0.0.0' is not a loopback address");
    }

    @Test
    void theReportIsWrittenPlainOrGzippedByItsName() throws Exception {
        dashboard = LocalDashboard.start("127.0.0.1", 0, Duration.ofSeconds(1));
        long run = Long.parseLong(createRun());

        dashboard.writeReport(run, dir.resolve("r/report.html"));
        dashboard.writeReport(run, dir.resolve("report.html.gz"));

        String plain = Files.readString(dir.resolve("r/report.html"), StandardCharsets.UTF_8);
        assertThat(plain).contains("window.WEFT_DATA").contains("local.js");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("report.html.gz")))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("window.WEFT_DATA")
                    .contains("local.js");
        }
    }

    @Test
    void closingFreesThePortAndTheDatabase() throws Exception {
        dashboard = LocalDashboard.start("127.0.0.1", 0, Duration.ofSeconds(1));
        int port = dashboard.port();
        createRun();

        dashboard.close();
        dashboard = LocalDashboard.start("127.0.0.1", port, Duration.ofSeconds(1));

        assertThat(get("/").statusCode()).as("a fresh, empty service on the same port").isEqualTo(200);
    }
}
