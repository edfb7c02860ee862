package dev.weft.cli.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.weft.cli.Weft;
import dev.weft.cloud.ResultsService;
import dev.weft.cloud.ServiceConfig;
import dev.weft.cloud.account.Principal;
import dev.weft.cloud.wire.CloudApi;
import dev.weft.target.TargetServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft run --out cloud} of a script with two scenarios, three URLs, a failing check
 * inside a group, a custom Trend and Counter and a failing threshold, streamed over loopback
 * into the real results service: the analysis API's numbers equal the runner's own end-of-test
 * summary ({@code --summary-export}), and the run is grouped under its {@code options.cloud}
 * name and project.
 */
class AnalysisApiRunTest {
    private static final String SCRIPT = """
            import http from 'k6/http';
            import { check, group } from 'k6';
            import { Counter, Trend } from 'k6/metrics';
            const orderTime = new Trend('order_time', true);
            const orders = new Counter('orders');
            const BASE = __ENV.BASE;
            export const options = {
              cloud: { name: 'shop checkout', projectID: 7 },
              scenarios: {
                browse: { executor: 'shared-iterations', vus: 2, iterations: 12, exec: 'browse' },
                api: { executor: 'per-vu-iterations', vus: 1, iterations: 5, exec: 'api' },
              },
              thresholds: {
                http_req_failed: ['rate<0.01'],
                'http_req_duration{scenario:browse}': ['p(95)<5000'],
                orders: ['count>0'],
              },
            };
            export function browse() {
              const r = http.get(BASE + '/get');
              check(r, { 'status is 200': (res) => res.status === 200 });
              http.get(BASE + '/status/503');
            }
            export function api() {
              group('login', () => {
                const r = http.post(BASE + '/post', 'x');
                check(r, { 'token present': (res) => res.body.indexOf('no-such-token') >= 0 });
              });
              orderTime.add(12.5 + __ITER);
              orders.add(2);
            }
            """;

    @TempDir
    Path dir;
    ResultsService service;
    TargetServer target;
    String token;
    HttpClient http;

    @BeforeEach
    void start() throws Exception {
        service = ResultsService.start(ServiceConfig.defaults().withPort(0)
                .withDatabase(ServiceConfig.defaultJdbcUrl(dir.resolve("db")), null, null).withPasswordIterations(1000));
        Principal p = service.accounts().createUser(service.accounts().organisation("qa"), "qa@example.com", "pw");
        token = service.accounts().createToken(p);
        target = TargetServer.startOnLoopback();
        http = HttpClient.newHttpClient();
        Files.writeString(dir.resolve("shop.js"), SCRIPT);
    }

    @AfterEach
    void stop() {
        http.close();
        target.close();
        service.close();
    }

    private int runWeft() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--sun-misc-unsafe-memory-access=allow",
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Weft.class.getName(), "run", "--address", "", "--no-color", "-e", "BASE=" + target.baseUrl(),
                "--out", "cloud", "--summary-export", "export.json", "shop.js"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().putAll(Map.of("K6_CLOUD_HOST", service.baseUrl(), "K6_CLOUD_TOKEN", token,
                "XDG_CONFIG_HOME", dir.resolve("config").toString()));
        pb.environment().remove("K6_CLOUD_NAME");
        pb.environment().remove("K6_CLOUD_PROJECT_ID");
        pb.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("weft did not end within 120 s\n" + output());
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

    private JsonElement api(String path) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header(CloudApi.AUTHORIZATION_HEADER, CloudApi.authorization(token)).GET().build();
        HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
        return JsonParser.parseString(response.body());
    }

    private static JsonObject row(JsonArray rows, String key, String value) {
        for (JsonElement e : rows) {
            if (e.getAsJsonObject().get(key).getAsString().equals(value)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError("no row with " + key + "=" + value + " in " + rows);
    }

    @Test
    void theAnalysisApiShowsTheRunnersSummaryNumbersUnderTheScriptsCloudName() throws Exception {
        int code = runWeft();
        assertThat(code).as("thresholds failed: exit 99\n" + output()).isEqualTo(99);
        JsonObject local = JsonParser.parseString(read("export.json")).getAsJsonObject();
        JsonObject localMetrics = local.getAsJsonObject("metrics");

        JsonObject run = api("/api/runs").getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
        String id = run.get("id").getAsString();
        assertThat(run.get("name").getAsString()).isEqualTo("shop checkout");
        assertThat(run.get("projectId").getAsLong()).isEqualTo(7);
        JsonArray tests = api("/api/tests?project=7").getAsJsonArray();
        assertThat(tests).hasSize(1);
        assertThat(tests.get(0).getAsJsonObject().get("name").getAsString()).isEqualTo("shop checkout");

        JsonArray httpRows = api("/api/runs/" + id + "/http").getAsJsonArray();
        assertThat(httpRows).hasSize(3);
        assertThat(row(httpRows, "name", target.baseUrl() + "/get").get("count").getAsLong()).isEqualTo(12);
        JsonObject failing = row(httpRows, "name", target.baseUrl() + "/status/503");
        assertThat(failing.get("count").getAsLong()).isEqualTo(12);
        assertThat(failing.get("failures").getAsLong()).isEqualTo(12);
        assertThat(failing.get("status").getAsString()).isEqualTo("503");
        assertThat(row(httpRows, "name", target.baseUrl() + "/post").get("method").getAsString()).isEqualTo("POST");
        long total = 0;
        for (JsonElement e : httpRows) {
            total += e.getAsJsonObject().get("count").getAsLong();
        }
        assertThat(total).isEqualTo(localMetrics.getAsJsonObject("http_reqs").get("count").getAsLong());

        JsonObject root = api("/api/runs/" + id + "/checks").getAsJsonObject().getAsJsonArray("groups").get(0)
                .getAsJsonObject();
        JsonObject login = root.getAsJsonArray("groups").get(0).getAsJsonObject();
        JsonObject localLogin = local.getAsJsonObject("root_group").getAsJsonObject("groups").getAsJsonObject("login");
        JsonObject localCheck = localLogin.getAsJsonObject("checks").getAsJsonObject("token present");
        JsonObject check = login.getAsJsonArray("checks").get(0).getAsJsonObject();
        assertThat(check.get("name").getAsString()).isEqualTo("token present");
        assertThat(check.get("fails").getAsLong()).isEqualTo(localCheck.get("fails").getAsLong()).isEqualTo(5);
        assertThat(check.get("passes").getAsLong()).isEqualTo(localCheck.get("passes").getAsLong());

        JsonArray metrics = api("/api/runs/" + id + "/metrics").getAsJsonArray();
        JsonObject orders = row(metrics, "name", "orders").getAsJsonObject("values");
        assertThat(orders.get("count").getAsDouble()).isEqualTo(localMetrics.getAsJsonObject("orders").get("count")
                .getAsDouble()).isEqualTo(10);
        JsonObject orderTime = row(metrics, "name", "order_time").getAsJsonObject("values");
        JsonObject localOrderTime = localMetrics.getAsJsonObject("order_time");
        for (String stat : List.of("avg", "min", "max")) {
            assertThat(orderTime.get(stat).getAsDouble()).as(stat)
                    .isCloseTo(localOrderTime.get(stat).getAsDouble(), within(1e-6));
        }
        assertThat(orderTime.get("p(95)").getAsDouble())
                .isCloseTo(localOrderTime.get("p(95)").getAsDouble(), Percentage.withPercentage(1));
        JsonObject duration = row(metrics, "name", "http_req_duration").getAsJsonObject("values");
        JsonObject localDuration = localMetrics.getAsJsonObject("http_req_duration");
        assertThat(duration.get("avg").getAsDouble()).isCloseTo(localDuration.get("avg").getAsDouble(), within(1e-3));
        assertThat(duration.get("max").getAsDouble()).isCloseTo(localDuration.get("max").getAsDouble(), within(1e-3));
        // rates divide by the runner's test duration (sent with its finish call, in whole
        // milliseconds), as its summary's do: a test of tens of milliseconds differs by its rounding
        JsonObject localReqs = localMetrics.getAsJsonObject("http_reqs");
        double seconds = localReqs.get("count").getAsDouble() / localReqs.get("rate").getAsDouble();
        assertThat(row(metrics, "name", "http_reqs").getAsJsonObject("values").get("rate").getAsDouble())
                .isCloseTo(localReqs.get("rate").getAsDouble(),
                        Percentage.withPercentage(Math.max(1, 100 * 0.0005 / seconds + 0.1)));
        assertThat(row(metrics, "name", "checks").getAsJsonObject("values").get("fails").getAsLong())
                .isEqualTo(localMetrics.getAsJsonObject("checks").get("fails").getAsLong());

        JsonObject stats = api("/api/runs/" + id + "/stats").getAsJsonObject();
        assertThat(stats.get("requests").getAsLong()).isEqualTo(29);
        assertThat(stats.get("iterations").getAsLong())
                .isEqualTo(localMetrics.getAsJsonObject("iterations").get("count").getAsLong()).isEqualTo(17);
        assertThat(stats.get("dataReceived").getAsLong())
                .isEqualTo(localMetrics.getAsJsonObject("data_received").get("count").getAsLong());

        JsonArray thresholds = api("/api/runs/" + id + "/thresholds").getAsJsonArray();
        JsonObject failed = row(thresholds, "metric", "http_req_failed");
        assertThat(failed.get("ok").getAsBoolean()).isFalse();
        assertThat(failed.get("observed").getAsDouble())
                .isCloseTo(localMetrics.getAsJsonObject("http_req_failed").get("value").getAsDouble(), within(1e-6));
        assertThat(localMetrics.getAsJsonObject("http_req_failed").getAsJsonObject("thresholds").get("rate<0.01")
                .getAsBoolean()).as("the runner's own verdict: failed").isTrue();
        JsonObject browseP95 = row(thresholds, "metric", "http_req_duration{scenario:browse}");
        assertThat(browseP95.get("ok").getAsBoolean()).isTrue();
        assertThat(browseP95.get("observed").getAsDouble()).as("the p95 the runner's threshold tested")
                .isCloseTo(localMetrics.getAsJsonObject("http_req_duration{scenario:browse}").get("p(95)").getAsDouble(),
                        Percentage.withPercentage(1));
        assertThat(row(thresholds, "metric", "orders").get("observed").getAsDouble()).isEqualTo(10);

        JsonObject apiOnly = api("/api/runs/" + id + "/stats?scenario=api").getAsJsonObject();
        assertThat(apiOnly.get("requests").getAsLong()).isEqualTo(5);
        assertThat(apiOnly.get("checksFailed").getAsLong()).isEqualTo(5);
    }
}
