package dev.weft.cli.segments;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.weft.cloud.ResultsService;
import dev.weft.cloud.ServiceConfig;
import dev.weft.cloud.account.Principal;
import dev.weft.cloud.wire.CloudApi;
import dev.weft.target.TargetServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Execution segments across real processes: three {@code weft run}s with the segments
 * {@code 0:1/3}, {@code 1/3:2/3} and {@code 2/3:1} of the sequence {@code 0,1/3,2/3,1}, at the
 * same time against the local target, together do exactly what one process does (iterations
 * and HTTP requests), and with {@code --out cloud} they stream into one shared run whose totals
 * are the single run's.
 */
class SegmentedRunTest {
    static final String SEQUENCE = "0,1/3,2/3,1";
    static final List<String> SEGMENTS = List.of("0:1/3", "1/3:2/3", "2/3:1");

    static TargetServer target;

    @TempDir
    Path dir;

    final List<WeftProcess> processes = new ArrayList<>();

    @BeforeAll
    static void startTarget() throws Exception {
        target = TargetServer.startOnLoopback();
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    @AfterEach
    void killLeftovers() {
        processes.forEach(WeftProcess::destroy);
    }

    static String script(String scenario) {
        return """
                import http from 'k6/http';
                export const options = { scenarios: { load: %s } };
                export default function () { http.get(`${__ENV.TARGET}/get?vu=${__VU}`); }
                """.formatted(scenario);
    }

    static List<Arguments> executors() {
        return List.of(
                Arguments.of(Named.of("shared-iterations, 6 VUs, 301 iterations",
                        "{ executor: 'shared-iterations', vus: 6, iterations: 301, maxDuration: '60s' }"), 301),
                Arguments.of(Named.of("per-vu-iterations, 6 VUs x 17",
                        "{ executor: 'per-vu-iterations', vus: 6, iterations: 17, maxDuration: '60s' }"), 102),
                Arguments.of(Named.of("constant-arrival-rate, 50/s for 2s",
                        "{ executor: 'constant-arrival-rate', rate: 50, timeUnit: '1s', duration: '2s', "
                                + "preAllocatedVUs: 9, maxVUs: 30 }"), 100));
    }

    private WeftProcess start(String name, Path script, List<String> args, Map<String, String> env) throws Exception {
        List<String> all = new ArrayList<>(List.of("-e", "TARGET=" + target.baseUrl(), "--summary-export",
                name + ".summary.json"));
        all.addAll(args);
        WeftProcess p = WeftProcess.start(dir, name, script, all, env);
        processes.add(p);
        return p;
    }

    /** The three segment processes and the single one, all at once. */
    private void runAll(Path script, List<String> extraSegmentArgs, Map<String, Map<String, String>> envPerPart)
            throws Exception {
        List<WeftProcess> started = new ArrayList<>();
        started.add(start("single", script, List.of(), Map.of()));
        for (int i = 0; i < SEGMENTS.size(); i++) {
            List<String> args = new ArrayList<>(List.of("--execution-segment", SEGMENTS.get(i),
                    "--execution-segment-sequence", SEQUENCE));
            args.addAll(extraSegmentArgs);
            started.add(start("part" + i, script, args, envPerPart.getOrDefault("part" + i, Map.of())));
        }
        for (WeftProcess p : started) {
            p.awaitSuccess();
        }
    }

    private long count(String name, String metric) throws Exception {
        return WeftProcess.count(dir.resolve(name + ".summary.json"), metric);
    }

    private long partsTotal(String metric) throws Exception {
        long sum = 0;
        for (int i = 0; i < SEGMENTS.size(); i++) {
            sum += count("part" + i, metric);
        }
        return sum;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("executors")
    void threeSegmentProcessesTogetherDoWhatOneProcessDoes(String scenario, long expected) throws Exception {
        Path script = Files.writeString(dir.resolve("spread.js"), script(scenario));

        runAll(script, List.of(), Map.of());

        // an arrival-rate start that finds every VU busy (a loaded machine) is a dropped iteration
        assertThat(count("single", "iterations") + count("single", "dropped_iterations")).isEqualTo(expected);
        assertThat(count("single", "http_reqs")).isEqualTo(count("single", "iterations"));
        assertThat(partsTotal("iterations") + partsTotal("dropped_iterations")).isEqualTo(expected);
        assertThat(partsTotal("http_reqs")).isEqualTo(partsTotal("iterations"));
        if (!scenario.contains("arrival-rate")) {
            assertThat(partsTotal("dropped_iterations") + count("single", "dropped_iterations")).isZero();
        }
        for (int i = 0; i < SEGMENTS.size(); i++) {
            assertThat(count("part" + i, "iterations") + count("part" + i, "dropped_iterations"))
                    .as("part %d's share of %d", i, expected)
                    .isBetween(expected / 3 - 1, expected / 3 + 1 + (expected % 3 == 0 ? 0 : 1));
        }
    }

    @Test
    void withOutCloudTheThreeProcessesJoinOneRunWhoseTotalsAreTheSingleRunsTotals() throws Exception {
        Path script = Files.writeString(dir.resolve("spread.js"), script(
                "{ executor: 'constant-arrival-rate', rate: 50, timeUnit: '1s', duration: '2s', preAllocatedVUs: 9, maxVUs: 30 }"));
        try (ResultsService service = ResultsService.start(ServiceConfig.defaults().withPort(0)
                .withDatabase(ServiceConfig.defaultJdbcUrl(dir.resolve("db")), null, null).withPasswordIterations(1000));
                HttpClient http = HttpClient.newHttpClient()) {
            Principal p = service.accounts().createUser(service.accounts().organisation("load"), "ops@example.com", "pw");
            String token = service.accounts().createToken(p);
            Map<String, Map<String, String>> env = new HashMap<>();
            for (int i = 0; i < SEGMENTS.size(); i++) {
                env.put("part" + i, Map.of("K6_CLOUD_HOST", service.baseUrl(), "K6_CLOUD_TOKEN", token,
                        "K6_CLOUD_METRIC_PUSH_INTERVAL", "200ms", "XDG_CONFIG_HOME", dir.resolve("config").toString(),
                        "WEFT_CLOUD_RUN_KEY", "segmented-run-test", "WEFT_CLOUD_INSTANCES", "3",
                        "WEFT_CLOUD_INSTANCE_ID", Integer.toString(i)));
            }

            runAll(script, List.of("--out", "cloud"), env);

            JsonArray runs = get(http, service.baseUrl() + "/api/runs", token).getAsJsonArray("runs");
            assertThat(runs).hasSize(1);
            JsonObject run = runs.get(0).getAsJsonObject();
            assertThat(run.get("run_state").getAsString()).isEqualTo("FINISHED");
            assertThat(run.get("instances").getAsInt()).isEqualTo(3);
            assertThat(run.get("finished_instances").getAsInt()).isEqualTo(3);
            JsonObject charts = get(http, service.baseUrl() + "/api/runs/" + run.get("reference_id").getAsString(), token)
                    .getAsJsonObject("charts");
            assertThat(count("single", "iterations") + count("single", "dropped_iterations")).isEqualTo(100);
            assertThat(partsTotal("iterations") + partsTotal("dropped_iterations")).isEqualTo(100);
            // the joined run holds exactly what the three processes counted
            assertThat(sum(charts, "iterations")).isEqualTo(partsTotal("iterations"));
            assertThat(sum(charts, "rps")).isEqualTo(partsTotal("http_reqs"));
        }
    }

    private static JsonObject get(HttpClient http, String url, String token) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url))
                .header(CloudApi.AUTHORIZATION_HEADER, CloudApi.authorization(token)).build();
        HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private static long sum(JsonObject charts, String series) {
        double total = 0;
        for (var e : charts.getAsJsonArray(series)) {
            total += e.isJsonNull() ? 0 : e.getAsDouble();
        }
        return Math.round(total);
    }
}
