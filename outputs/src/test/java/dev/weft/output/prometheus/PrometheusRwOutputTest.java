package dev.weft.output.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import dev.weft.metrics.Metric;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.metrics.ValueType;
import dev.weft.output.stores.PrometheusServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusRwOutputTest {
    private static final Metric REQS = Metric.counter("http_reqs");
    private static final Metric DURATION = Metric.trend("http_req_duration", ValueType.TIME);
    private static final Metric CHECKS = Metric.rate("checks");
    private static final Metric VUS = Metric.gauge("vus");

    @TempDir
    Path dir;

    /** n requests now: status 200 but every 4th 500, durations 1..n ms; one check per request, passing on 200. */
    private static List<Sample> requests(int n, long now) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String status = i % 4 == 0 ? "500" : "200";
            Tags tags = Tags.of("method", "GET", "status", status, "vu", String.valueOf(i % 5), "iter",
                    String.valueOf(i), "name", "http://t/x", "scenario", "default");
            out.add(new Sample(REQS, tags, now, 1));
            out.add(new Sample(DURATION, tags, now, i + 1));
            out.add(new Sample(CHECKS, Tags.of("check", "ok", "scenario", "default"), now, status.equals("200") ? 1 : 0));
        }
        out.add(new Sample(VUS, Tags.EMPTY, now, 7));
        return out;
    }

    @Test
    void series_reach_a_real_prometheus_with_k6s_names_labels_and_cumulative_values() throws Exception {
        try (PrometheusServer prom = PrometheusServer.startOrSkip(dir)) {
            PrometheusRwOutput out = new PrometheusRwOutput(PrometheusRwConfig.from(Map.of(
                    "K6_PROMETHEUS_RW_SERVER_URL", prom.writeUrl(), "K6_PROMETHEUS_RW_PUSH_INTERVAL", "100ms",
                    "K6_PROMETHEUS_RW_TREND_STATS", "p(99),p(99.9),avg,max,count,sum"), ""));
            out.start();
            long now = System.currentTimeMillis();
            out.addMetricSamples(requests(100, now - 2000));
            Thread.sleep(300); // pushed at least once
            out.addMetricSamples(requests(100, now - 1000));
            out.stop();
            assertThat(out.stats().dropped()).as(prom.logTail()).isZero();
            assertThat(prom.value("sum(k6_http_reqs_total)")).isEqualTo(200);
            assertThat(prom.value("k6_http_reqs_total{status=\"500\",method=\"GET\",name=\"http://t/x\"}")).isEqualTo(50);
            assertThat(prom.value("k6_checks_rate")).isEqualTo(0.75);
            assertThat(prom.value("k6_vus")).isEqualTo(7);
            assertThat(prom.value("k6_http_req_duration_max{status=\"200\"}")).isEqualTo(0.1);
            assertThat(prom.value("k6_http_req_duration_count{status=\"500\"}")).isEqualTo(50);
            assertThat(prom.value("sum(k6_http_req_duration_sum)")).isCloseTo(2 * 5050 / 1000.0, offset(1e-9));
            assertThat(prom.value("k6_http_req_duration_p99{status=\"500\"}")).isCloseTo(0.097, offset(0.001));
            assertThat(prom.value("k6_http_req_duration_p999{status=\"500\"}")).isPositive();
            JsonArray series = prom.query("k6_http_reqs_total");
            JsonObject labels = series.get(0).getAsJsonObject().getAsJsonObject("metric");
            assertThat(labels.keySet()).containsExactlyInAnyOrder("__name__", "method", "status", "name", "scenario");
        }
    }

    @Test
    void trends_as_native_histograms_answer_histogram_queries() throws Exception {
        try (PrometheusServer prom = PrometheusServer.startOrSkip(dir)) {
            PrometheusRwOutput out = new PrometheusRwOutput(PrometheusRwConfig.from(Map.of(
                    "K6_PROMETHEUS_RW_SERVER_URL", prom.writeUrl(), "K6_PROMETHEUS_RW_TREND_AS_NATIVE_HISTOGRAM",
                    "true"), ""));
            out.start();
            out.addMetricSamples(requests(200, System.currentTimeMillis() - 1000));
            out.stop();
            assertThat(out.stats().dropped()).as(prom.logTail()).isZero();
            assertThat(prom.value("sum(histogram_count(k6_http_req_duration_seconds))")).isEqualTo(200);
            assertThat(prom.value("sum(histogram_sum(k6_http_req_duration_seconds))")).isCloseTo(20.1,
                    offset(1e-9));
            // 150 of the 200 are status 200; their median is near 0.1 s within the schema-3 bucket width (~9%)
            assertThat(prom.value("histogram_quantile(0.5, k6_http_req_duration_seconds{status=\"200\"})"))
                    .isBetween(0.09, 0.11);
        }
    }

    @Test
    void basic_auth_bearer_token_and_extra_headers_are_sent_and_a_refusal_is_counted() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            seen.add(ex.getRequestHeaders().getFirst("Authorization") + " " + ex.getRequestHeaders().getFirst("X-Org")
                    + " " + ex.getRequestHeaders().getFirst("Content-Encoding"));
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(seen.size() == 1 ? 204 : 401, -1);
            ex.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/write";
            PrometheusRwOutput out = new PrometheusRwOutput(PrometheusRwConfig.from(Map.of("K6_PROMETHEUS_RW_SERVER_URL",
                    url, "K6_PROMETHEUS_RW_USERNAME", "u", "K6_PROMETHEUS_RW_PASSWORD", "p",
                    "K6_PROMETHEUS_RW_HEADERS_X-Org", "acme"), ""));
            out.start();
            out.addMetricSamples(requests(3, System.currentTimeMillis()));
            out.stop();
            PrometheusRwOutput bearer = new PrometheusRwOutput(PrometheusRwConfig.from(Map.of(
                    "K6_PROMETHEUS_RW_SERVER_URL", url, "K6_PROMETHEUS_RW_BEARER_TOKEN", "tok"), ""));
            bearer.start();
            bearer.addMetricSamples(requests(3, System.currentTimeMillis()));
            bearer.stop();
            assertThat(seen).containsExactly("Basic dTpw acme snappy", "Bearer tok null snappy");
            assertThat(out.stats().pushed()).isEqualTo(10);
            assertThat(bearer.stats().failed()).isEqualTo(10);
        } finally {
            server.stop(0);
        }
    }
}
