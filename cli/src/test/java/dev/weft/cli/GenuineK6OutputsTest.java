package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import dev.weft.output.stores.Influxd;
import dev.weft.output.stores.OtlpReceiver;
import dev.weft.output.stores.PrometheusServer;
import dev.weft.target.TargetServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A genuine k6 and Weft run the same script into the same real store; the store holds the same
 * metric names with the same label/tag/field keys and the same counts from both. Needs a k6
 * binary (WEFT_K6_BINARY or {@code k6} on the PATH) and the store's Debian package; skips with a
 * message otherwise. The gauges vus and vus_max are left out: k6 emits them once a second, so a
 * sub-second k6 run may have none.
 */
class GenuineK6OutputsTest {
    private static final int ITERATIONS = 20;
    static TargetServer target;

    @TempDir
    Path dir;

    @BeforeAll
    static void startTarget() throws Exception {
        target = TargetServer.startOnLoopback();
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    private static Path k6() {
        String env = System.getenv("WEFT_K6_BINARY");
        if (env != null && Files.isExecutable(Path.of(env))) {
            return Path.of(env);
        }
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path c = Path.of(p, "k6");
            if (Files.isExecutable(c)) {
                return c;
            }
        }
        return null;
    }

    /** Runs the script with genuine k6 and with Weft, each with the given --out and --tag testid=k6|weft. */
    private void runBoth(Map<String, String> env, String out) throws Exception {
        Path k6 = k6();
        assumeTrue(k6 != null, "no k6 binary (set WEFT_K6_BINARY): skipping the genuine-k6 comparison");
        Files.writeString(dir.resolve("s.js"), EcosystemOutputsTest.SCRIPT);
        ProcessBuilder pb = new ProcessBuilder(List.of(k6.toString(), "run", "--quiet", "--vus", "1", "--iterations",
                String.valueOf(ITERATIONS), "--tag", "testid=k6", "--out", out, "s.js"));
        pb.directory(dir.toFile());
        pb.environment().putAll(env);
        pb.environment().put("BASE_URL", target.baseUrl());
        pb.environment().put("K6_CLOUD_TRACES_ENABLED", "false");
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("k6.log").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("k6.log"))).isZero();
        Map<String, String> vars = new java.util.HashMap<>(env);
        vars.put("BASE_URL", target.baseUrl());
        FakeGlobalEnv g = new FakeGlobalEnv(dir, vars);
        int code = new Cli(g.env).run(List.of("run", "--quiet", "--address", "", "--vus", "1", "--iterations",
                String.valueOf(ITERATIONS), "--tag", "testid=weft", "--out", out, "s.js"));
        assertThat(code).as(g.stderr()).isZero();
    }

    @Test
    void prometheus_gets_the_same_series_from_k6_and_weft() throws Exception {
        try (PrometheusServer prom = PrometheusServer.startOrSkip(dir.resolve("prom"))) {
            runBoth(Map.of("K6_PROMETHEUS_RW_SERVER_URL", prom.writeUrl(), "K6_PROMETHEUS_RW_PUSH_INTERVAL", "500ms",
                    "K6_PROMETHEUS_RW_TREND_STATS", "p(95),avg,max"), "experimental-prometheus-rw");
            assertThat(series(prom, "weft")).isNotEmpty().isEqualTo(series(prom, "k6"));
            for (String testid : List.of("k6", "weft")) {
                assertThat(prom.value("sum(k6_http_reqs_total{testid=\"" + testid + "\"})")).isEqualTo(ITERATIONS);
                assertThat(prom.value("sum(k6_iterations_total{testid=\"" + testid + "\"})")).isEqualTo(ITERATIONS);
                assertThat(prom.value("k6_checks_rate{testid=\"" + testid + "\"}")).isEqualTo(1.0);
            }
        }
    }

    /** "name label,label,..." for every series of one run, vus and vus_max left out. */
    private static Set<String> series(PrometheusServer prom, String testid) throws Exception {
        Set<String> out = new TreeSet<>();
        for (JsonElement e : prom.query("{testid=\"" + testid + "\"}")) {
            var labels = e.getAsJsonObject().getAsJsonObject("metric");
            String name = labels.get("__name__").getAsString();
            if (name.equals("k6_vus") || name.equals("k6_vus_max")) {
                continue;
            }
            Set<String> keys = new TreeSet<>(labels.keySet());
            keys.remove("__name__");
            out.add(name + " " + String.join(",", keys));
        }
        return out;
    }

    @Test
    void influxdb_gets_the_same_measurements_tags_fields_and_counts_from_k6_and_weft() throws Exception {
        try (Influxd influx = Influxd.startOrSkip(dir.resolve("influx"))) {
            Path k6 = k6();
            assumeTrue(k6 != null, "no k6 binary (set WEFT_K6_BINARY): skipping the genuine-k6 comparison");
            // one database per tool: k6's --out URL names the database, so run each with its own
            Files.writeString(dir.resolve("s.js"), EcosystemOutputsTest.SCRIPT);
            runBothInflux(k6, influx);
            for (String q : List.of("SHOW MEASUREMENTS", "SHOW TAG KEYS FROM http_reqs", "SHOW FIELD KEYS FROM http_reqs",
                    "SHOW TAG KEYS FROM checks", "SHOW FIELD KEYS FROM http_req_duration")) {
                assertThat(rows(influx, "weftdb", q)).as(q).isEqualTo(rows(influx, "k6db", q));
            }
            for (String db : List.of("k6db", "weftdb")) {
                assertThat(influx.number(db, "SELECT sum(value) FROM http_reqs")).isEqualTo(ITERATIONS);
                assertThat(influx.number(db, "SELECT count(value) FROM http_req_duration")).isEqualTo(ITERATIONS);
                assertThat(influx.number(db, "SELECT sum(value) FROM checks")).isEqualTo(ITERATIONS);
            }
        }
    }

    private void runBothInflux(Path k6, Influxd influx) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of(k6.toString(), "run", "--quiet", "--vus", "1", "--iterations",
                String.valueOf(ITERATIONS), "--out", "influxdb=" + influx.url() + "/k6db", "s.js"));
        pb.directory(dir.toFile());
        pb.environment().put("BASE_URL", target.baseUrl());
        pb.environment().put("K6_CLOUD_TRACES_ENABLED", "false");
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("k6.log").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("k6.log"))).isZero();
        FakeGlobalEnv g = new FakeGlobalEnv(dir, Map.of("BASE_URL", target.baseUrl()));
        int code = new Cli(g.env).run(List.of("run", "--quiet", "--address", "", "--vus", "1", "--iterations",
                String.valueOf(ITERATIONS), "--out", "influxdb=" + influx.url() + "/weftdb", "s.js"));
        assertThat(code).as(g.stderr()).isZero();
    }

    @Test
    void an_otlp_receiver_gets_the_same_metrics_units_attributes_and_resource_keys_from_k6_and_weft() throws Exception {
        Map<String, Map<String, String>> byTool = new java.util.HashMap<>();
        Map<String, Double> totals = new java.util.HashMap<>();
        for (String tool : List.of("k6", "weft")) {
            try (OtlpReceiver receiver = OtlpReceiver.start()) {
                Map<String, String> env = Map.of("K6_OTEL_GRPC_EXPORTER_ENDPOINT", receiver.grpcEndpoint(),
                        "K6_OTEL_GRPC_EXPORTER_INSECURE", "true", "K6_OTEL_EXPORT_INTERVAL", "500ms",
                        "K6_OTEL_FLUSH_INTERVAL", "200ms");
                if (tool.equals("k6")) {
                    runK6(env, "experimental-opentelemetry");
                } else {
                    runWeft(env, "experimental-opentelemetry");
                }
                byTool.put(tool, describe(receiver));
                totals.put(tool, receiver.total("http_reqs"));
            }
        }
        assertThat(byTool.get("weft")).isNotEmpty().isEqualTo(byTool.get("k6"));
        // k6 v1.3 shuts its meter provider down before its last flush, so it misses the end of a run
        // (13 of 20 requests, or none in a sub-second run); Weft records the rest first, so all arrive.
        assertThat(totals.get("weft")).isEqualTo(ITERATIONS);
        assertThat(totals.get("k6")).isPositive().isLessThanOrEqualTo(ITERATIONS);
    }

    /** Per metric (vus and vus_max left out): its kind, unit and attribute keys; plus the resource's keys. */
    private static Map<String, String> describe(OtlpReceiver receiver) {
        Map<String, String> out = new java.util.TreeMap<>();
        Set<String> names = new TreeSet<>();
        for (var req : receiver.requests()) {
            for (var rm : req.getResourceMetricsList()) {
                for (var sm : rm.getScopeMetricsList()) {
                    sm.getMetricsList().forEach(m -> names.add(m.getName()));
                }
            }
        }
        names.remove("vus");
        names.remove("vus_max");
        for (String name : names) {
            var m = receiver.latest(name);
            Set<String> keys = new TreeSet<>();
            receiver.attributes(name).forEach(a -> keys.addAll(a.keySet()));
            out.put(name, m.getDataCase() + " unit=" + m.getUnit() + " keys=" + keys);
        }
        out.put("(resource)", new TreeSet<>(receiver.resource().keySet()).toString());
        return out;
    }

    /** The shared script, slowed so that k6's flush (every 200 ms here) runs several times before it stops. */
    private void writeSlowScript() throws Exception {
        Files.writeString(dir.resolve("s.js"), EcosystemOutputsTest.SCRIPT.replace("import { check } from 'k6';",
                "import { check, sleep } from 'k6';").replace("check(r,", "sleep(0.1);\n  check(r,"));
    }

    private void runK6(Map<String, String> env, String out) throws Exception {
        Path k6 = k6();
        assumeTrue(k6 != null, "no k6 binary (set WEFT_K6_BINARY): skipping the genuine-k6 comparison");
        writeSlowScript();
        ProcessBuilder pb = new ProcessBuilder(List.of(k6.toString(), "run", "--quiet", "--vus", "1", "--iterations",
                String.valueOf(ITERATIONS), "--out", out, "s.js"));
        pb.directory(dir.toFile());
        pb.environment().putAll(env);
        pb.environment().put("BASE_URL", target.baseUrl());
        pb.environment().put("K6_CLOUD_TRACES_ENABLED", "false");
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("k6.log").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("k6.log"))).isZero();
    }

    private void runWeft(Map<String, String> env, String out) throws Exception {
        writeSlowScript();
        Map<String, String> vars = new java.util.HashMap<>(env);
        vars.put("BASE_URL", target.baseUrl());
        FakeGlobalEnv g = new FakeGlobalEnv(dir, vars);
        int code = new Cli(g.env).run(List.of("run", "--quiet", "--address", "", "--vus", "1", "--iterations",
                String.valueOf(ITERATIONS), "--out", out, "s.js"));
        assertThat(code).as(g.stderr()).isZero();
    }

    /** A query's rows as text, the gauges vus and vus_max left out. */
    private static Set<String> rows(Influxd influx, String db, String q) throws Exception {
        Set<String> out = new TreeSet<>();
        JsonArray rows = influx.query(db, q);
        for (JsonElement r : rows) {
            String text = r.toString();
            if (!text.equals("[\"vus\"]") && !text.equals("[\"vus_max\"]")) {
                out.add(text);
            }
        }
        return out;
    }
}
