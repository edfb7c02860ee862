package dev.weft.cli.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.weft.cli.Weft;
import dev.weft.cloud.ResultsService;
import dev.weft.cloud.ServiceConfig;
import dev.weft.cloud.account.Principal;
import dev.weft.cloud.wire.CloudApi;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft run --out cloud} as a user runs it, in its own JVM, against the real results
 * service in this JVM over loopback: what it measured is what the service stored, a run
 * stopped at the service stops the test (with K6_CLOUD_STOP_ON_ERROR, as k6), and an
 * unreachable service is one line at once.
 */
class CloudOutputRunTest {
    private static final String SCRIPT = """
            import { check, sleep } from 'k6';
            import { Counter } from 'k6/metrics';
            const jobs = new Counter('jobs_done');
            export const options = { vus: 2, duration: __ENV.DURATION };
            export default function () {
              jobs.add(2);
              check(1, { 'one is one': (v) => v === 1 });
              sleep(0.05);
            }
            """;

    @TempDir
    Path dir;
    ResultsService service;
    String token;
    HttpClient http;
    Process weft;

    @BeforeEach
    void startService() throws Exception {
        service = ResultsService.start(ServiceConfig.defaults().withPort(0)
                .withDatabase(ServiceConfig.defaultJdbcUrl(dir.resolve("db")), null, null).withPasswordIterations(1000));
        Principal p = service.accounts().createUser(service.accounts().organisation("qa"), "qa@example.com", "pw");
        token = service.accounts().createToken(p);
        http = HttpClient.newHttpClient();
        Files.writeString(dir.resolve("s.js"), SCRIPT);
    }

    @AfterEach
    void stopAll() {
        if (weft != null) {
            weft.destroyForcibly();
        }
        http.close();
        service.close();
    }

    private Process weft(String host, String duration, Map<String, String> extraEnv, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--sun-misc-unsafe-memory-access=allow",
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Weft.class.getName(), "run", "--address", "", "--no-color", "-e", "DURATION=" + duration));
        command.addAll(List.of(args));
        command.add("s.js");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().putAll(Map.of("K6_CLOUD_HOST", host, "K6_CLOUD_TOKEN", token,
                "XDG_CONFIG_HOME", dir.resolve("config").toString()));
        pb.environment().putAll(extraEnv);
        pb.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        weft = pb.start();
        return weft;
    }

    private int exit(Process p, Duration within) throws Exception {
        if (!p.waitFor(within.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("weft did not end within " + within + "\n" + output());
        }
        return p.exitValue();
    }

    private String output() throws Exception {
        return "--- stdout\n" + read("out.txt") + "\n--- stderr\n" + read("err.txt");
    }

    private String read(String file) throws Exception {
        Path p = dir.resolve(file);
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    private JsonObject api(String method, String path) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header(CloudApi.AUTHORIZATION_HEADER, CloudApi.authorization(token))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private String onlyRunId() throws Exception {
        JsonArray runs = api("GET", "/api/runs").getAsJsonArray("runs");
        assertThat(runs).hasSize(1);
        return runs.get(0).getAsJsonObject().get("reference_id").getAsString();
    }

    @Test
    void whatTheRunnerMeasuredIsWhatTheServiceStoredAndTheEndLineSaysSo() throws Exception {
        int code = exit(weft(service.baseUrl(), "3s", Map.of(), "--out", "cloud", "--summary-export", "export.json"),
                Duration.ofSeconds(120));
        assertThat(code).as(output()).isZero();

        JsonObject local = JsonParser.parseString(read("export.json")).getAsJsonObject().getAsJsonObject("metrics");
        JsonObject stored = api("GET", "/api/runs/" + onlyRunId() + "/summary").getAsJsonObject("metrics");
        for (String metric : List.of("iterations", "jobs_done")) {
            assertThat(stored.getAsJsonObject(metric).get("count").getAsLong()).as(metric)
                    .isEqualTo(local.getAsJsonObject(metric).get("count").getAsLong()).isPositive();
        }
        assertThat(stored.getAsJsonObject("checks").get("passes").getAsLong())
                .isEqualTo(local.getAsJsonObject("checks").get("passes").getAsLong());
        assertThat(read("out.txt")).containsPattern("cloud: the service confirmed (\\d+) of \\1 samples measured")
                .contains("nothing dropped");
    }

    @Test
    void aRunStoppedAtTheServiceStopsTheTestWithStopOnError() throws Exception {
        Process p = weft(service.baseUrl(), "60s", Map.of("K6_CLOUD_STOP_ON_ERROR", "true"), "--out", "cloud");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (api("GET", "/api/runs").getAsJsonArray("runs").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        String id = onlyRunId();
        Thread.sleep(1500);
        long stoppedAt = System.nanoTime();
        api("POST", "/api/runs/" + id + "/stop");

        int code = exit(p, Duration.ofSeconds(45));
        assertThat(code).as(output()).isEqualTo(105);
        assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isLessThan(Duration.ofSeconds(30));
        assertThat(read("err.txt")).contains("takes no more metrics");
    }

    @Test
    void anUnreachableServiceIsOneLineAtOnce() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        int code = exit(weft("http://127.0.0.1:" + port, "1s", Map.of(), "--out", "cloud"), Duration.ofSeconds(60));

        assertThat(code).isEqualTo(104);
        assertThat(read("err.txt")).contains("connection refused to 127.0.0.1:" + port)
                .doesNotContain("ClosedChannelException");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
    }
}
