package dev.weft.output.influxdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.sun.net.httpserver.HttpServer;
import dev.weft.metrics.Metric;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.metrics.ValueType;
import dev.weft.output.stores.Influxd;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfluxOutputTest {
    @TempDir
    Path dir;

    private static List<Sample> requests(int n, long start) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Tags tags = Tags.of("method", "GET", "status", i % 4 == 0 ? "500" : "200", "vu", String.valueOf(i % 3 + 1),
                    "iter", String.valueOf(i), "url", "http://127.0.0.1/x");
            out.add(new Sample(Metric.counter("http_reqs"), tags, start + i, 1));
            out.add(new Sample(Metric.trend("http_req_duration", ValueType.TIME), tags, start + i, 2.5));
        }
        return out;
    }

    @Test
    void points_land_in_a_real_influxdb_1_with_tags_typed_fields_and_every_count() throws Exception {
        try (Influxd influx = Influxd.startOrSkip(dir)) {
            InfluxOutput out = new InfluxOutput(InfluxConfig.from(false, Map.of("K6_INFLUXDB_PUSH_INTERVAL", "100ms",
                    "K6_INFLUXDB_TAGS_AS_FIELDS", "vu:int,iter:int,url"), influx.url() + "/weftdb?precision=ms"));
            out.start();
            long start = System.currentTimeMillis() - 60_000;
            out.addMetricSamples(requests(300, start));
            Thread.sleep(250); // a second push interval's batch
            out.addMetricSamples(requests(100, start + 1000));
            out.stop();
            assertThat(out.stats().dropped()).isZero();
            assertThat(influx.number("weftdb", "SELECT count(value) FROM http_reqs")).as(influx.logTail()).isEqualTo(400);
            assertThat(influx.number("weftdb", "SELECT sum(value) FROM http_reqs WHERE status = '500'")).isEqualTo(100);
            assertThat(influx.number("weftdb", "SELECT sum(value) FROM http_req_duration")).isEqualTo(1000);
            assertThat(influx.number("weftdb", "SELECT max(vu) FROM http_reqs")).isEqualTo(3);
            JsonArray tagKeys = influx.query("weftdb", "SHOW TAG KEYS FROM http_reqs");
            assertThat(tagKeys.toString()).contains("method").contains("status").doesNotContain("vu").doesNotContain("url");
            JsonArray fieldKeys = influx.query("weftdb", "SHOW FIELD KEYS FROM http_reqs");
            assertThat(fieldKeys.toString()).contains("[\"vu\",\"integer\"]").contains("[\"url\",\"string\"]")
                    .contains("[\"value\",\"float\"]");
        }
    }

    @Test
    void a_write_the_server_refuses_is_counted_as_dropped() throws Exception {
        try (Influxd influx = Influxd.startOrSkip(dir)) {
            InfluxOutput out = new InfluxOutput(InfluxConfig.from(false, Map.of(), influx.url() + "/nodb?retention=nope"));
            out.start();
            out.addMetricSamples(requests(10, System.currentTimeMillis()));
            out.stop();
            assertThat(out.stats().failed()).isEqualTo(20);
            assertThat(out.stats().pushed()).isZero();
        }
    }

    @Test
    void v2_posts_to_the_v2_write_api_with_org_bucket_precision_and_token() throws Exception {
        // Debian has no InfluxDB 2: a recording HTTP endpoint checks the request instead.
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            requests.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + ex.getRequestHeaders().getFirst(
                    "Authorization") + "\n" + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        try {
            InfluxOutput out = new InfluxOutput(InfluxConfig.from(true, Map.of("K6_INFLUXDB_ORGANIZATION", "acme",
                    "K6_INFLUXDB_BUCKET", "perf", "K6_INFLUXDB_TOKEN", "s3cret", "K6_INFLUXDB_PRECISION", "ms"),
                    "http://127.0.0.1:" + server.getAddress().getPort()));
            out.start();
            out.addMetricSamples(requests(2, 1_700_000_000_000L));
            out.stop();
            assertThat(requests).hasSize(1);
            assertThat(requests.get(0)).startsWith("POST /api/v2/write?org=acme&bucket=perf&precision=ms Token s3cret\n")
                    .contains("http_reqs,method=GET,status=500 iter=\"0\",url=\"http://127.0.0.1/x\",vu=\"1\",value=1 "
                            + "1700000000000\n");
            assertThat(requests.get(0).lines().count()).isEqualTo(1 + 4);
        } finally {
            server.stop(0);
        }
    }
}
