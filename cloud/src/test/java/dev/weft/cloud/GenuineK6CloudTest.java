package dev.weft.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import dev.weft.cloud.wire.WireJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A genuine k6 v1.x ({@code WEFT_K6_BINARY}; skipped without it) streams into the service over
 * the v2 protocol, and the service's summary equals k6's own {@code --summary-export} for
 * http_reqs, iterations and checks. Everything stays on loopback: the target is a JDK server
 * in this test, k6's usage report is off, and traces are off (the service's create answer
 * says so too).
 */
class GenuineK6CloudTest {
    static final String SCRIPT = """
            import http from 'k6/http';
            import { check, group, sleep } from 'k6';
            import { Counter, Trend } from 'k6/metrics';
            const items = new Counter('items_made');
            const work = new Trend('work_ms');
            export const options = {
              scenarios: { main: { executor: 'shared-iterations', vus: 3, iterations: 240, maxDuration: '60s' } },
              thresholds: { http_req_duration: ['p(95)<5000'], checks: ['rate>0.5'] },
            };
            export default function () {
              const res = http.get(`${__ENV.TARGET}/item?i=${__ITER % 4}`, { tags: { name: 'item' } });
              check(res, { 'status is 200': (r) => r.status === 200, 'body is ok': (r) => r.body === 'ok' });
              group('checkout', () => {
                check(__ITER, { 'even': (i) => i % 2 === 0 });
                group('pay', () => { check(res, { 'paid': (r) => r.status === 200 }); });
              });
              items.add(3);
              work.add(__ITER * 0.75);
              sleep(0.02);
            }
            """;

    @TempDir
    Path dir;
    V2Service v2;
    HttpServer target;
    String k6;

    @BeforeEach
    void start() throws Exception {
        k6 = System.getenv("WEFT_K6_BINARY");
        assumeTrue(k6 != null && !k6.isBlank() && Files.isExecutable(Path.of(k6)),
                "WEFT_K6_BINARY does not point at a k6 binary");
        v2 = new V2Service(dir.resolve("db"), true);
        target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        target.createContext("/", ex -> {
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(200, ok.length);
            ex.getResponseBody().write(ok);
            ex.close();
        });
        target.start();
        Files.writeString(dir.resolve("script.js"), SCRIPT);
    }

    @AfterEach
    void stop() {
        if (target != null) {
            target.stop(0);
        }
        if (v2 != null) {
            v2.close();
        }
    }

    record K6Run(int exitCode, String output) {
    }

    K6Run k6(String... args) throws IOException, InterruptedException {
        return k6Env(Map.of(), args);
    }

    K6Run k6Env(Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(k6));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("K6_CLOUD_HOST", v2.service.baseUrl());
        env.put("K6_CLOUD_TOKEN", v2.token);
        env.put("K6_CLOUD_TRACES_ENABLED", "false");
        env.put("K6_NO_USAGE_REPORT", "true");
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        env.put("HOME", dir.toString());
        env.put("TARGET", targetUrl());
        env.putAll(extraEnv);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("k6 ended").isTrue();
        return new K6Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    String targetUrl() {
        return "http://127.0.0.1:" + target.getAddress().getPort();
    }

    JsonObject serviceSummary(String runId) throws Exception {
        ApiClient.Response r = v2.api.get("/api/runs/" + runId + "/summary", v2.token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return WireJson.GSON.fromJson(r.body(), JsonObject.class);
    }

    /** The id of the only run the service has. */
    String onlyRun() throws Exception {
        JsonObject runs = WireJson.GSON.fromJson(v2.api.get("/api/runs", v2.token).body(), JsonObject.class);
        assertThat(runs.getAsJsonArray("runs")).hasSize(1);
        return runs.getAsJsonArray("runs").get(0).getAsJsonObject().get("reference_id").getAsString();
    }

    static double count(JsonObject summary, String metric) {
        return summary.getAsJsonObject("metrics").getAsJsonObject(metric).get("count").getAsDouble();
    }

    static long checkCount(JsonObject group, String path, String check, String field) {
        JsonObject g = group;
        for (String name : path.isEmpty() ? new String[0] : path.split("/")) {
            g = g.getAsJsonObject("groups").getAsJsonObject(name);
        }
        return g.getAsJsonObject("checks").getAsJsonObject(check).get(field).getAsLong();
    }

    void assertSameCounts(JsonObject mine, JsonObject k6s) {
        for (String metric : List.of("http_reqs", "iterations", "items_made")) {
            assertThat(count(mine, metric)).as(metric).isEqualTo(count(k6s, metric));
        }
        for (String field : List.of("passes", "fails")) {
            assertThat(mine.getAsJsonObject("metrics").getAsJsonObject("checks").get(field).getAsLong()).as("checks " + field)
                    .isEqualTo(k6s.getAsJsonObject("metrics").getAsJsonObject("checks").get(field).getAsLong());
        }
        JsonObject myRoot = mine.getAsJsonObject("root_group");
        JsonObject k6Root = k6s.getAsJsonObject("root_group");
        String[][] checks = {{"", "status is 200"}, {"", "body is ok"}, {"checkout", "even"}, {"checkout/pay", "paid"}};
        for (String[] c : checks) {
            for (String field : List.of("passes", "fails")) {
                assertThat(checkCount(myRoot, c[0], c[1], field)).as(c[0] + " " + c[1] + " " + field)
                        .isEqualTo(checkCount(k6Root, c[0], c[1], field));
            }
        }
        assertThat(myRoot.getAsJsonObject("groups").getAsJsonObject("checkout").get("id").getAsString())
                .isEqualTo(k6Root.getAsJsonObject("groups").getAsJsonObject("checkout").get("id").getAsString());
        JsonObject k6Checks = k6s.getAsJsonObject("metrics").getAsJsonObject("checks");
        System.out.printf("compared with k6's --summary-export: http_reqs %s, iterations %s, items_made %s, checks %d passes"
                + " / %d fails (service: the same)%n", count(k6s, "http_reqs"), count(k6s, "iterations"),
                count(k6s, "items_made"), k6Checks.get("passes").getAsLong(), k6Checks.get("fails").getAsLong());
        JsonObject myWork = mine.getAsJsonObject("metrics").getAsJsonObject("work_ms");
        JsonObject k6Work = k6s.getAsJsonObject("metrics").getAsJsonObject("work_ms");
        assertThat(myWork.get("max").getAsDouble()).isEqualTo(k6Work.get("max").getAsDouble());
        assertThat(myWork.get("p(95)").getAsDouble()).isCloseTo(k6Work.get("p(95)").getAsDouble(),
                org.assertj.core.data.Percentage.withPercentage(1));
    }

    @Test
    void k6RunOutCloudStreamsEverythingItMeasured() throws Exception {
        K6Run run = k6("run", "--out", "cloud", "--summary-export", "k6-summary.json", "script.js");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains(v2.service.baseUrl() + "/runs/");
        String id = onlyRun();
        JsonObject k6s = WireJson.GSON.fromJson(Files.readString(dir.resolve("k6-summary.json")), JsonObject.class);
        JsonObject mine = serviceSummary(id);
        assertSameCounts(mine, k6s);
        assertThat(count(mine, "http_reqs")).isEqualTo(240.0);
        JsonObject runJson = WireJson.GSON.fromJson(v2.api.get("/api/runs/" + id, v2.token).body(), JsonObject.class)
                .getAsJsonObject("run");
        assertThat(runJson.get("run_state").getAsString()).isEqualTo("FINISHED");
        assertThat(runJson.get("result_status").getAsInt()).isZero();
    }

    @Test
    void k6CloudRunLocalExecutionCreatesTheRunWithItsArchive() throws Exception {
        // k6 cloud run passes no system environment to the script (as for cloud execution): -e does
        K6Run run = k6("cloud", "run", "--local-execution", "-e", "TARGET=" + targetUrl(), "--summary-export",
                "k6-summary.json", "script.js");

        assertThat(run.exitCode()).as(run.output()).isZero();
        String id = onlyRun();
        JsonObject runJson = WireJson.GSON.fromJson(v2.api.get("/api/runs/" + id, v2.token).body(), JsonObject.class)
                .getAsJsonObject("run");
        assertThat(runJson.getAsJsonObject("thresholds").has("http_req_duration")).as(runJson.toString()).isTrue();
        assertThat(runJson.get("vus").getAsLong()).isEqualTo(3);
        JsonObject k6s = WireJson.GSON.fromJson(Files.readString(dir.resolve("k6-summary.json")), JsonObject.class);
        assertSameCounts(serviceSummary(id), k6s);
    }

    @Test
    void k6sCloudNameAndProjectGroupBothWaysOfRunningIntoOneTestWhoseAnalysisMatchesK6sSummary() throws Exception {
        Files.writeString(dir.resolve("named.js"), SCRIPT.replace("export const options = {",
                "export const options = {\n  cloud: { name: 'genuine shop', projectID: 5 },"));

        K6Run out = k6("run", "--out", "cloud", "--summary-export", "k6-summary.json", "named.js");
        K6Run local = k6("cloud", "run", "--local-execution", "-e", "TARGET=" + targetUrl(), "named.js");

        assertThat(out.exitCode()).as(out.output()).isZero();
        assertThat(local.exitCode()).as(local.output()).isZero();
        JsonObject tests = WireJson.GSON.fromJson("{\"t\":" + v2.api.get("/api/tests?project=5", v2.token).body() + "}",
                JsonObject.class);
        assertThat(tests.getAsJsonArray("t")).hasSize(1);
        JsonObject test = tests.getAsJsonArray("t").get(0).getAsJsonObject();
        assertThat(test.get("name").getAsString()).isEqualTo("genuine shop");
        assertThat(test.get("runs").getAsLong()).isEqualTo(2);
        String first = WireJson.GSON.fromJson(v2.api.get("/api/runs", v2.token).body(), JsonObject.class)
                .getAsJsonArray("runs").get(1).getAsJsonObject().get("reference_id").getAsString();
        JsonObject k6s = WireJson.GSON.fromJson(Files.readString(dir.resolve("k6-summary.json")), JsonObject.class);
        JsonObject item = WireJson.GSON.fromJson(v2.api.get("/api/runs/" + first + "/http", v2.token).body(),
                com.google.gson.JsonArray.class).get(0).getAsJsonObject();
        assertThat(item.get("name").getAsString()).isEqualTo("item");
        assertThat((double) item.get("count").getAsLong()).isEqualTo(count(k6s, "http_reqs"));
        JsonObject k6Duration = k6s.getAsJsonObject("metrics").getAsJsonObject("http_req_duration");
        assertThat(item.get("maxMs").getAsDouble()).isCloseTo(k6Duration.get("max").getAsDouble(),
                org.assertj.core.data.Offset.offset(1e-3));
        JsonObject thresholds = WireJson.GSON.fromJson("{\"t\":" + v2.api.get("/api/runs/" + first + "/thresholds",
                v2.token).body() + "}", JsonObject.class);
        for (var e : thresholds.getAsJsonArray("t")) {
            JsonObject t = e.getAsJsonObject();
            if (t.get("metric").getAsString().equals("checks")) {
                double k6Rate = k6s.getAsJsonObject("metrics").getAsJsonObject("checks").get("value").getAsDouble();
                assertThat(t.get("observed").getAsDouble()).isCloseTo(k6Rate, org.assertj.core.data.Offset.offset(1e-6));
                assertThat(t.get("ok").getAsBoolean()).isTrue();
            }
        }
    }

    @Test
    void aRunStoppedInTheServiceStopsK6WhenItsStopOnErrorIsOn() throws Exception {
        Files.writeString(dir.resolve("long.js"), """
                import http from 'k6/http';
                import { sleep } from 'k6';
                export const options = { vus: 2, duration: '60s' };
                export default function () { http.get(`${__ENV.TARGET}/slow`); sleep(0.05); }
                """);
        Thread.Builder.OfVirtual builder = Thread.ofVirtual();
        K6Run[] result = new K6Run[1];
        long started = System.nanoTime();
        Thread k6Thread = builder.start(() -> {
            try {
                result[0] = k6Env(Map.of("K6_CLOUD_STOP_ON_ERROR", "true"), "run", "--out", "cloud", "long.js");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String id = null;
        for (int i = 0; i < 300 && id == null; i++) {
            Thread.sleep(100);
            JsonObject runs = WireJson.GSON.fromJson(v2.api.get("/api/runs", v2.token).body(), JsonObject.class);
            if (!runs.getAsJsonArray("runs").isEmpty()) {
                String candidate = runs.getAsJsonArray("runs").get(0).getAsJsonObject().get("reference_id").getAsString();
                if (serviceSummary(candidate).getAsJsonObject("metrics").has("http_reqs")) {
                    id = candidate;
                }
            }
        }
        assertThat(id).as("k6 streamed data").isNotNull();

        ApiClient.Response stop = v2.api.post("/api/runs/" + id + "/stop", v2.token, new byte[0], Map.of());
        k6Thread.join(java.time.Duration.ofSeconds(60));

        assertThat(stop.status()).as(stop.body()).isEqualTo(200);
        assertThat(result[0]).as("k6 ended").isNotNull();
        assertThat((System.nanoTime() - started) / 1e9).as("seconds k6 ran of its 60").isLessThan(45);
        assertThat(result[0].exitCode()).as(result[0].output()).isEqualTo(105);
        assertThat(result[0].output()).contains("(403/E4)");
    }

    @Test
    void k6CloudLoginValidatesItsTokenWithTheService() throws Exception {
        K6Run good = k6("cloud", "login", "--token", v2.token);
        K6Run bad = k6("cloud", "login", "--token", "not-a-token");

        assertThat(good.exitCode()).as(good.output()).isZero();
        assertThat(good.output()).contains("Logged in successfully");
        assertThat(bad.exitCode()).as(bad.output()).isNotZero();
        assertThat(bad.output()).contains("invalid");
    }
}
