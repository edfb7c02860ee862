package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.weft.output.stores.Influxd;
import dev.weft.output.stores.OtlpReceiver;
import dev.weft.output.stores.PrometheusServer;
import dev.weft.target.TargetServer;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real run streaming into each time-series output's real receiver on loopback; the counts the
 * store ends up with equal the end-of-test summary's for the same run.
 */
class EcosystemOutputsTest {
    static final String SCRIPT = """
            import http from 'k6/http';
            import { check } from 'k6';
            export default function () {
              const r = http.get(`${__ENV.BASE_URL}/get`);
              check(r, { 'ok': (x) => x.status === 200 });
            }
            """;
    static TargetServer target;

    @TempDir
    Path dir;

    @BeforeAll
    static void startTarget() throws IOException {
        target = TargetServer.startOnLoopback();
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    /** Runs SCRIPT for a second with 2 VUs and the given output; returns the summary's text. */
    private String run(Map<String, String> vars, String out) throws Exception {
        Files.writeString(dir.resolve("s.js"), SCRIPT);
        Map<String, String> env = new HashMap<>(vars);
        env.put("BASE_URL", target.baseUrl());
        FakeGlobalEnv g = new FakeGlobalEnv(dir, env);
        int code = new Cli(g.env).run(List.of("run", "--vus", "2", "--duration", "1s", "--out", out, "s.js"));
        assertThat(code).as(g.stderr()).isZero();
        return g.stdout();
    }

    static long summaryCount(String summary, String metric) {
        Matcher m = Pattern.compile("\\b" + Pattern.quote(metric) + "\\.+: (\\d+)\\b").matcher(summary);
        assertThat(m.find()).as("summary has " + metric + ":\n" + summary).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The passes of k6 v1's checks line: {@code checks_succeeded...: 100.00% 740 out of 740}. */
    static long summaryPasses(String summary) {
        Matcher m = Pattern.compile("checks_succeeded\\.+: [\\d.]+%\\s+(\\d+) out of (\\d+)").matcher(summary);
        assertThat(m.find()).as("summary has checks:\n" + summary).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void statsd_lines_add_up_to_the_summarys_counts() throws Exception {
        List<String> datagrams = new CopyOnWriteArrayList<>();
        List<String> lines = new CopyOnWriteArrayList<>();
        try (DatagramSocket agent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            // UDP has no flow control: the agent must read faster than a push interval's burst fills
            // its receive buffer, so it only copies datagrams here and splits them into lines later.
            agent.setReceiveBufferSize(1 << 22);
            Thread reader = Thread.ofPlatform().daemon().start(() -> {
                byte[] buf = new byte[65536];
                try {
                    while (true) {
                        DatagramPacket p = new DatagramPacket(buf, buf.length);
                        agent.receive(p);
                        datagrams.add(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
                    }
                } catch (IOException closed) {
                    // the socket closed at the end of the test
                }
            });
            String summary = run(Map.of("K6_STATSD_ADDR", "127.0.0.1:" + agent.getLocalPort(),
                    "K6_STATSD_ENABLE_TAGS", "true", "K6_STATSD_PUSH_INTERVAL", "50ms"), "statsd");
            long deadline = System.currentTimeMillis() + 5_000;
            long reqs = summaryCount(summary, "http_reqs");
            while (sum(datagrams.stream().flatMap(String::lines).toList(), "k6.http_reqs:") < reqs
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            datagrams.stream().flatMap(String::lines).forEach(lines::add);
            assertThat(reqs).isPositive();
            assertThat(sum(lines, "k6.http_reqs:")).isEqualTo(reqs);
            assertThat(sum(lines, "k6.iterations:")).isEqualTo(summaryCount(summary, "iterations"));
            assertThat(sum(lines, "k6.check.ok.pass:")).isEqualTo(summaryPasses(summary));
            assertThat(lines.stream().filter(l -> l.startsWith("k6.http_req_duration:")).count()).isEqualTo(reqs);
            assertThat(lines).filteredOn(l -> l.startsWith("k6.http_reqs:"))
                    .allMatch(l -> l.contains("method:GET") && l.contains("status:200") && !l.contains("url:"));
            agent.close();
            reader.join();
        }
    }

    @Test
    void influxdb_holds_as_many_points_as_the_summary_counts() throws Exception {
        try (Influxd influx = Influxd.startOrSkip(dir.resolve("influx"))) {
            String summary = run(Map.of("K6_INFLUXDB_PUSH_INTERVAL", "200ms"), "influxdb=" + influx.url() + "/k6run");
            long reqs = summaryCount(summary, "http_reqs");
            assertThat(reqs).isPositive();
            assertThat((long) influx.number("k6run", "SELECT sum(value) FROM http_reqs")).isEqualTo(reqs);
            assertThat((long) influx.number("k6run", "SELECT count(value) FROM http_req_duration")).isEqualTo(reqs);
            assertThat((long) influx.number("k6run", "SELECT sum(value) FROM iterations"))
                    .isEqualTo(summaryCount(summary, "iterations"));
            assertThat((long) influx.number("k6run", "SELECT sum(value) FROM checks WHERE \"check\" = 'ok'"))
                    .isEqualTo(summaryPasses(summary));
            assertThat((long) influx.number("k6run",
                    "SELECT count(value) FROM http_reqs WHERE status = '200' AND method = 'GET' AND scenario = 'default'"))
                    .isEqualTo(reqs);
        }
    }

    @Test
    void prometheus_holds_the_summarys_counts_under_k6s_names() throws Exception {
        try (PrometheusServer prom = PrometheusServer.startOrSkip(dir.resolve("prom"))) {
            String summary = run(Map.of("K6_PROMETHEUS_RW_SERVER_URL", prom.writeUrl(),
                    "K6_PROMETHEUS_RW_PUSH_INTERVAL", "300ms", "K6_PROMETHEUS_RW_TREND_STATS", "count,p(95)"),
                    "experimental-prometheus-rw");
            long reqs = summaryCount(summary, "http_reqs");
            assertThat(reqs).isPositive();
            assertThat((long) prom.value("sum(k6_http_reqs_total)")).as(prom.logTail()).isEqualTo(reqs);
            assertThat((long) prom.value("k6_http_reqs_total{method=\"GET\",status=\"200\",scenario=\"default\","
                    + "expected_response=\"true\",name=\"" + target.baseUrl() + "/get\"}")).isEqualTo(reqs);
            assertThat((long) prom.value("sum(k6_iterations_total)")).isEqualTo(summaryCount(summary, "iterations"));
            assertThat((long) prom.value("sum(k6_http_req_duration_count)")).isEqualTo(reqs);
            assertThat(prom.value("k6_checks_rate{check=\"ok\"}")).isEqualTo(1.0);
            assertThat(prom.value("max(k6_http_req_duration_p95)")).isPositive();
            dashboardQueriesRun(prom, reqs);
        }
    }

    @Test
    void an_otlp_receiver_gets_the_summarys_counts_with_k6s_names_and_resource() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            String summary = run(Map.of("K6_OTEL_GRPC_EXPORTER_ENDPOINT", receiver.grpcEndpoint(),
                    "K6_OTEL_GRPC_EXPORTER_INSECURE", "true", "K6_OTEL_EXPORT_INTERVAL", "300ms",
                    "K6_OTEL_FLUSH_INTERVAL", "100ms"), "opentelemetry");
            long reqs = summaryCount(summary, "http_reqs");
            assertThat(reqs).isPositive();
            assertThat((long) receiver.total("http_reqs")).isEqualTo(reqs);
            assertThat((long) receiver.total("http_req_duration")).isEqualTo(reqs);
            assertThat((long) receiver.total("iterations")).isEqualTo(summaryCount(summary, "iterations"));
            assertThat((long) receiver.total("checks.occurred")).isEqualTo(summaryPasses(summary));
            assertThat(receiver.attributes("http_reqs")).allSatisfy(a -> assertThat(a)
                    .containsEntry("method", "GET").containsEntry("status", "200").containsEntry("scenario", "default")
                    .doesNotContainKeys("vu", "iter"));
            assertThat(receiver.resource()).containsEntry("service.name", "k6").containsKey("service.version");
        }
    }

    /** Every query of deploy/grafana's dashboard is valid PromQL on this data; its request total is the summary's. */
    private static void dashboardQueriesRun(PrometheusServer prom, long reqs) throws Exception {
        Path file = Path.of("..", "deploy", "grafana", "k6-prometheus-dashboard.json");
        JsonObject dashboard = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        int queries = 0;
        for (JsonElement panel : dashboard.getAsJsonArray("panels")) {
            for (JsonElement target : panel.getAsJsonObject().getAsJsonArray("targets")) {
                String expr = target.getAsJsonObject().get("expr").getAsString().replace("$testid", ".*")
                        .replace("$scenario", ".*").replace("$__rate_interval", "1m").replace("$__range", "5m");
                prom.query(expr); // throws on a PromQL error
                queries++;
            }
        }
        assertThat(queries).isGreaterThan(15);
        String total = dashboard.getAsJsonArray("panels").get(0).getAsJsonObject().getAsJsonArray("targets").get(0)
                .getAsJsonObject().get("expr").getAsString().replace("$testid", ".*").replace("$scenario", ".*");
        assertThat((long) prom.value(total)).isEqualTo(reqs);
    }

    private static long sum(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix))
                .mapToLong(l -> Long.parseLong(l.substring(prefix.length(), l.indexOf('|')))).sum();
    }
}
