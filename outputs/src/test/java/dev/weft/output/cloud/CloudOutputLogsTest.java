package dev.weft.output.cloud;

import static dev.weft.output.cloud.ServiceFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import dev.weft.cloud.wire.CloudApi;
import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.output.LogLine;
import dev.weft.output.OutputParams;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the run logs, streamed by the cloud output into the real results service over loopback. */
class CloudOutputLogsTest {
    @TempDir
    Path dir;

    ServiceFixture fixture;
    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void tearDown() {
        if (fixture != null) {
            fixture.close();
        }
        http.close();
    }

    private CloudOutput output(String host, String token, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("K6_CLOUD_HOST", host);
        env.put("K6_CLOUD_TOKEN", token);
        env.put("K6_CLOUD_METRIC_PUSH_INTERVAL", "100ms");
        env.put("WEFT_CLOUD_MAX_BACKOFF", "200ms");
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        env.putAll(extra);
        OutputParams params = new OutputParams("", dir, "scripts/logs.js", env, 2, Duration.ofSeconds(30), Map.of(),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        return new CloudOutput(CloudConfig.resolve(env), params, Clock.systemUTC());
    }

    private JsonArray logs(String id) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(fixture.service.baseUrl() + "/api/runs/" + id
                + "/logs?limit=5000")).header(CloudApi.AUTHORIZATION_HEADER, CloudApi.authorization(fixture.token))
                .build();
        return JsonParser.parseString(http.send(r, HttpResponse.BodyHandlers.ofString()).body()).getAsJsonArray();
    }

    private static List<String> field(JsonArray lines, String name) {
        List<String> out = new ArrayList<>();
        for (JsonElement e : lines) {
            out.add(e.getAsJsonObject().has(name) ? e.getAsJsonObject().get(name).getAsString() : null);
        }
        return out;
    }

    @Test
    void linesArriveInOrderWithTheirLevelsWhileTheRunIsGoing() throws Exception {
        fixture = new ServiceFixture(dir.resolve("db"), Duration.ofMinutes(2));
        CloudOutput output = output(fixture.service.baseUrl(), fixture.token, Map.of());
        output.addLogLine(new LogLine(System.currentTimeMillis(), "info", "init line", LogLine.Origin.CONSOLE));
        output.start();
        String id = output.referenceId();

        output.addLogLine(new LogLine(System.currentTimeMillis(), "warn", "slow", new LogLine.Origin("console", 1, 0L,
                "default")));
        output.addLogLine(new LogLine(System.currentTimeMillis(), "error", "TypeError: x is undefined",
                new LogLine.Origin("stacktrace", 2, 3L, "default")));
        output.addMetricSamples(List.of(new Sample(BuiltinMetrics.VUS, Tags.EMPTY, System.currentTimeMillis(), 2)));
        eventually(Duration.ofSeconds(10), "three lines stored", () -> {
            try {
                return logs(id).size() == 3;
            } catch (Exception e) {
                return false;
            }
        });
        output.addLogLine(new LogLine(System.currentTimeMillis(), "info", "last words", LogLine.Origin.RUNNER));
        output.stop();

        JsonArray lines = logs(id);
        assertThat(field(lines, "message")).containsExactly("init line", "slow", "TypeError: x is undefined",
                "last words");
        assertThat(field(lines, "level")).containsExactly("info", "warn", "error", "info");
        assertThat(field(lines, "source")).containsExactly("console", "console", "stacktrace", "weft");
        assertThat(field(lines, "vu")).containsExactly(null, "1", "2", null);
        assertThat(fixture.state(id)).isEqualTo("FINISHED");
        assertThat(output.logsStored()).isEqualTo(4);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("cloud: logs: the service stored 4 of 4 lines logged; nothing dropped");
    }

    @Test
    void aFloodIsBoundedCountedAndMarkedWhereLinesAreMissing() throws Exception {
        fixture = new ServiceFixture(dir.resolve("db"), Duration.ofMinutes(2));
        CloudOutput output = output(fixture.service.baseUrl(), fixture.token, Map.of("WEFT_CLOUD_LOG_BUFFER_LINES", "100"));
        output.start();
        String id = output.referenceId();

        // far faster than one batch a push interval: the buffer keeps 100, the rest are counted
        for (int i = 1; i <= 20_000; i++) {
            output.addLogLine(new LogLine(System.currentTimeMillis(), "info", "flood " + i, LogLine.Origin.CONSOLE));
        }
        output.stop();

        assertThat(output.logsLogged()).isEqualTo(20_000);
        assertThat(output.logsStored() + output.logsDropped()).isEqualTo(20_000);
        assertThat(output.logsDropped()).isGreaterThanOrEqualTo(20_000 - 100 - 2 * LogSender.MAX_LINES);
        JsonArray lines = logs(id);
        List<String> messages = field(lines, "message");
        // one marker stands where lines are missing: one per gap (a push may land mid-flood and make two)
        String marker = " log lines were dropped here: the runner's log buffer (100 lines) was full while the service "
                + "was slow or unreachable";
        List<String> markers = messages.stream().filter(m -> m.endsWith(marker)).toList();
        assertThat(markers).isNotEmpty();
        assertThat(messages).hasSize((int) output.logsStored() + markers.size());
        assertThat(messages.getFirst()).isEqualTo("flood 1");
        assertThat(markers.stream().mapToLong(m -> Long.parseLong(m.substring(0, m.indexOf(' ')))).sum())
                .isEqualTo(output.logsDropped());
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("cloud: logs: the service stored "
                + output.logsStored() + " of 20000 lines logged; dropped " + output.logsDropped() + ": "
                + output.logsDropped() + " because the log buffer was full");
    }

    @Test
    void aServiceWithoutTheLogEndpointGetsTheSamplesAndTheLinesAreCountedAsNotTaken() throws Exception {
        HttpServer k6Cloud = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> paths = new java.util.concurrent.CopyOnWriteArrayList<>();
        k6Cloud.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            paths.add(path);
            exchange.getRequestBody().readAllBytes();
            byte[] body = path.equals(CloudApi.TESTS_PATH)
                    ? "{\"reference_id\":\"77\"}".getBytes(StandardCharsets.UTF_8)
                    : path.endsWith(CloudApi.LOGS_SUFFIX) ? "{\"error\":{\"message\":\"not found\"}}".getBytes()
                    : new byte[0];
            exchange.sendResponseHeaders(path.endsWith(CloudApi.LOGS_SUFFIX) ? 404 : 200, body.length == 0 ? -1
                    : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        k6Cloud.start();
        try {
            CloudOutput output = output("http://127.0.0.1:" + k6Cloud.getAddress().getPort(), "t", Map.of());
            output.start();
            output.addLogLine(new LogLine(System.currentTimeMillis(), "info", "one", LogLine.Origin.CONSOLE));
            output.addMetricSamples(List.of(new Sample(BuiltinMetrics.VUS, Tags.EMPTY, System.currentTimeMillis(), 1)));
            eventually(Duration.ofSeconds(10), "the log push was answered 404",
                    () -> paths.stream().anyMatch(p -> p.endsWith(CloudApi.LOGS_SUFFIX)));
            output.addLogLine(new LogLine(System.currentTimeMillis(), "info", "two", LogLine.Origin.CONSOLE));
            output.stop();

            assertThat(paths.stream().filter(p -> p.endsWith(CloudApi.LOGS_SUFFIX))).hasSize(1);
            assertThat(paths).contains("/v2/metrics/77", CloudApi.TEST_PATH_PREFIX + "77");
            assertThat(output.logsDropped()).isEqualTo(2);
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains(
                    "dropped 2: 2 because the service does not take logs (genuine k6 cloud)");
        } finally {
            k6Cloud.stop(0);
        }
    }
}
