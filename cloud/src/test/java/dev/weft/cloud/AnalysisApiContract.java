package dev.weft.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.weft.cloud.account.Principal;
import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.CreateTestRunResponse;
import dev.weft.cloud.wire.TestFinishedRequest;
import dev.weft.cloud.wire.TestRunRequest;
import dev.weft.cloud.wire.v2.CounterValue;
import dev.weft.cloud.wire.v2.GaugeValue;
import dev.weft.cloud.wire.v2.K6Hdr;
import dev.weft.cloud.wire.v2.Label;
import dev.weft.cloud.wire.v2.Metric;
import dev.weft.cloud.wire.v2.MetricSet;
import dev.weft.cloud.wire.v2.MetricType;
import dev.weft.cloud.wire.v2.RateValue;
import dev.weft.cloud.wire.v2.SampleValue;
import dev.weft.cloud.wire.v2.TimeSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The analysis API over a run ingested through the real v2 (k6 v1) path: two scenarios,
 * three URLs, a failing check inside a group, a custom Trend and Counter and a failed
 * threshold. Each endpoint's numbers equal what was pushed (what a runner's summary shows) and
 * the service's own summary export; each database has a subclass.
 */
abstract class AnalysisApiContract {
    static final long T = 1_700_000_000L;
    static final double[] A_MS = {100, 120, 140, 160, 180, 200, 220, 900};
    static final double[] B_MS = {50, 60, 70, 80};
    static final double[] C_MS = {300, 310};

    V2Service v2;
    String[] db;

    /** A fresh database's JDBC URL, user and password (user and password may be null). */
    abstract String[] newDatabase() throws Exception;

    @BeforeEach
    void start() throws Exception {
        db = newDatabase();
        v2 = new V2Service(db[0], db[1], db[2], false);
    }

    @AfterEach
    void stop() {
        v2.close();
    }

    String createRun(String name, Long project) throws Exception {
        ApiClient.Response r = v2.api.postJson(CloudApi.TESTS_PATH, v2.token, new TestRunRequest(name, project, 10,
                Map.of("http_req_duration", List.of("p(95)<250"), "checks", List.of("rate>0.9"),
                        "http_req_duration{scenario:api}", List.of("max<1000")), 60));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.as(CreateTestRunResponse.class).referenceId();
    }

    /** The run described in the class comment, pushed in two batches and finished with its threshold verdicts. */
    String pushedRun(String name) throws Exception {
        String id = createRun(name, null);
        MetricSet first = new MetricSet(id, 1, List.of(
                new Metric("http_reqs", MetricType.COUNTER, List.of(
                        series(List.of(new CounterValue(T, 5), new CounterValue(T + 1, 3)), http("browse", "http://a/", "GET", "200")),
                        series(List.of(new CounterValue(T, 4)), http("browse", "http://b/", "GET", "200")),
                        series(List.of(new CounterValue(T + 1, 2)), http("api", "http://c/", "POST", "500")))),
                new Metric("http_req_duration", MetricType.TREND, List.of(
                        series(List.of(hdr(T, A_MS)), http("browse", "http://a/", "GET", "200")),
                        series(List.of(hdr(T, B_MS)), http("browse", "http://b/", "GET", "200")),
                        series(List.of(hdr(T + 1, C_MS)), http("api", "http://c/", "POST", "500")))),
                new Metric("http_req_failed", MetricType.RATE, List.of(
                        series(List.of(new RateValue(T, 0, 8)), http("browse", "http://a/", "GET", "200")),
                        series(List.of(new RateValue(T, 0, 4)), http("browse", "http://b/", "GET", "200")),
                        series(List.of(new RateValue(T + 1, 2, 2)), http("api", "http://c/", "POST", "500"))))));
        MetricSet second = new MetricSet(id, 1, List.of(
                new Metric("checks", MetricType.RATE, List.of(
                        series(List.of(new RateValue(T, 12, 12)), "scenario", "browse", "group", "", "check", "status is 200"),
                        series(List.of(new RateValue(T + 1, 0, 2)), "scenario", "api", "group", "::login", "check",
                                "token present"))),
                new Metric("vus", MetricType.GAUGE, List.of(series(List.of(new GaugeValue(T, 5, 1, 5, 5, 5),
                        new GaugeValue(T + 1, 8, 1, 8, 8, 8))))),
                new Metric("iterations", MetricType.COUNTER, List.of(
                        series(List.of(new CounterValue(T, 6)), "scenario", "browse"),
                        series(List.of(new CounterValue(T + 1, 2)), "scenario", "api"))),
                new Metric("data_received", MetricType.COUNTER, List.of(series(List.of(new CounterValue(T, 5000)),
                        "scenario", "browse"))),
                new Metric("order_time", MetricType.TREND, List.of(series(List.of(hdr(T + 1, new double[] {10, 20, 30})),
                        "scenario", "api"))),
                new Metric("orders", MetricType.COUNTER, List.of(series(List.of(new CounterValue(T + 1, 7)),
                        "scenario", "api")))));
        assertThat(v2.push(id, first, "b1").status()).isEqualTo(200);
        assertThat(v2.push(id, second, "b2").status()).isEqualTo(200);
        v2.clock.advance(java.time.Duration.ofSeconds(4));
        ApiClient.Response f = v2.api.postJson(CloudApi.TEST_PATH_PREFIX + id, v2.token,
                new TestFinishedRequest(CloudApi.RESULT_FAILED, 3, Map.of("http_req_duration", Map.of("p(95)<250", true),
                        "checks", Map.of("rate>0.9", true), "http_req_duration{scenario:api}", Map.of("max<1000", false))));
        assertThat(f.status()).as(f.body()).isEqualTo(200);
        return id;
    }

    static String[] http(String scenario, String url, String method, String status) {
        return new String[] {"scenario", scenario, "url", url, "name", url, "method", method, "status", status,
                "group", "", "expected_response", status.equals("200") ? "true" : "false"};
    }

    static TimeSeries series(List<SampleValue> values, String... labels) {
        List<Label> l = new ArrayList<>();
        for (int i = 0; i < labels.length; i += 2) {
            l.add(new Label(labels[i], labels[i + 1]));
        }
        return new TimeSeries(l, values);
    }

    static SampleValue hdr(long t, double[] values) {
        K6Hdr h = new K6Hdr();
        for (double v : values) {
            h.add(v);
        }
        return h.toValue(t);
    }

    JsonElement get(String path) throws Exception {
        ApiClient.Response r = v2.api.get(path, v2.token);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return JsonParser.parseString(r.body());
    }

    static JsonObject find(JsonArray rows, String key, String value) {
        for (JsonElement e : rows) {
            if (e.getAsJsonObject().get(key).getAsString().equals(value)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError("no row with " + key + "=" + value + " in " + rows);
    }

    @Test
    void theHttpTableHasOneRowPerNameMethodAndStatusWithTheRunnersCounts() throws Exception {
        String id = pushedRun("shop");

        JsonArray rows = get("/api/runs/" + id + "/http").getAsJsonArray();

        assertThat(rows).hasSize(3);
        JsonObject a = find(rows, "name", "http://a/");
        assertThat(a.get("count").getAsLong()).isEqualTo(8);
        assertThat(a.get("failures").getAsLong()).isZero();
        assertThat(a.get("method").getAsString()).isEqualTo("GET");
        assertThat(a.get("status").getAsString()).isEqualTo("200");
        assertThat(a.get("avgMs").getAsDouble()).isCloseTo(252.5, within(0.01));
        assertThat(a.get("minMs").getAsDouble()).isEqualTo(100);
        assertThat(a.get("maxMs").getAsDouble()).isEqualTo(900);
        JsonObject c = find(rows, "name", "http://c/");
        assertThat(c.get("count").getAsLong()).isEqualTo(2);
        assertThat(c.get("failures").getAsLong()).isEqualTo(2);
        assertThat(c.get("p95Ms").getAsDouble()).isCloseTo(310, Percentage.withPercentage(1));
        assertThat(rows.get(0).getAsJsonObject().get("name").getAsString()).as("busiest first").isEqualTo("http://a/");
    }

    @Test
    void theChecksTreeShowsTheFailingCheckInsideItsGroup() throws Exception {
        String id = pushedRun("shop");

        JsonObject root = get("/api/runs/" + id + "/checks").getAsJsonObject().getAsJsonArray("groups").get(0)
                .getAsJsonObject();

        assertThat(root.get("path").getAsString()).isEmpty();
        JsonObject top = root.getAsJsonArray("checks").get(0).getAsJsonObject();
        assertThat(top.get("name").getAsString()).isEqualTo("status is 200");
        assertThat(top.get("passes").getAsLong()).isEqualTo(12);
        JsonObject login = root.getAsJsonArray("groups").get(0).getAsJsonObject();
        assertThat(login.get("path").getAsString()).isEqualTo("::login");
        assertThat(login.get("name").getAsString()).isEqualTo("login");
        JsonObject failing = login.getAsJsonArray("checks").get(0).getAsJsonObject();
        assertThat(failing.get("name").getAsString()).isEqualTo("token present");
        assertThat(failing.get("passes").getAsLong()).isZero();
        assertThat(failing.get("fails").getAsLong()).isEqualTo(2);
    }

    @Test
    void theMetricsTableShowsCustomMetricsAsTheSummaryExportDoes() throws Exception {
        String id = pushedRun("shop");

        JsonArray metrics = get("/api/runs/" + id + "/metrics").getAsJsonArray();
        JsonObject summary = get("/api/runs/" + id + "/summary").getAsJsonObject().getAsJsonObject("metrics");

        JsonObject orders = find(metrics, "name", "orders");
        assertThat(orders.get("type").getAsString()).isEqualTo("counter");
        assertThat(orders.getAsJsonObject("values").get("count").getAsDouble()).isEqualTo(7);
        JsonObject orderTime = find(metrics, "name", "order_time").getAsJsonObject("values");
        assertThat(orderTime.get("avg").getAsDouble()).isCloseTo(20, within(1e-9));
        assertThat(orderTime.get("max").getAsDouble()).isEqualTo(30);
        JsonObject duration = find(metrics, "name", "http_req_duration");
        assertThat(duration.get("contains").getAsString()).isEqualTo("time");
        for (String stat : List.of("avg", "min", "max")) {
            assertThat(duration.getAsJsonObject("values").get(stat).getAsDouble()).as(stat)
                    .isCloseTo(summary.getAsJsonObject("http_req_duration").get(stat).getAsDouble(), within(1e-6));
        }
        // k6's percentiles: interpolated between the samples around rank p·(n−1) of the 14 sorted durations
        double[] all = {50, 60, 70, 80, 100, 120, 140, 160, 180, 200, 220, 300, 310, 900};
        for (double p : new double[] {50, 90, 95, 99}) {
            double rank = p / 100 * (all.length - 1);
            int below = (int) Math.floor(rank);
            double k6 = all[below] + (all[Math.min(all.length - 1, below + 1)] - all[below]) * (rank - below);
            String stat = p == 50 ? "med" : "p(" + (int) p + ")";
            assertThat(duration.getAsJsonObject("values").get(stat).getAsDouble()).as(stat)
                    .isCloseTo(k6, Percentage.withPercentage(0.2));
        }
        JsonObject checks = find(metrics, "name", "checks").getAsJsonObject("values");
        assertThat(checks.get("passes").getAsLong()).isEqualTo(12);
        assertThat(checks.get("fails").getAsLong()).isEqualTo(2);
        assertThat(find(metrics, "name", "vus").getAsJsonObject("values").get("max").getAsDouble()).isEqualTo(8);
    }

    @Test
    void theStatTilesAddUpTheRun() throws Exception {
        String id = pushedRun("shop");

        JsonObject s = get("/api/runs/" + id + "/stats").getAsJsonObject();

        assertThat(s.get("requests").getAsLong()).isEqualTo(14);
        assertThat(s.get("failedRate").getAsDouble()).isCloseTo(2.0 / 14, within(1e-6));
        assertThat(s.get("peakVus").getAsLong()).isEqualTo(8);
        assertThat(s.get("iterations").getAsLong()).isEqualTo(8);
        assertThat(s.get("dataReceived").getAsLong()).isEqualTo(5000);
        assertThat(s.get("checksPassed").getAsLong()).isEqualTo(12);
        assertThat(s.get("checksFailed").getAsLong()).isEqualTo(2);
        // k6's p(95) of the 14 durations: 310 + (900 - 310) * 0.35
        assertThat(s.get("p95Ms").getAsDouble()).isCloseTo(516.5, Percentage.withPercentage(0.2));
    }

    @Test
    void filtersNarrowEveryTableToAScenarioATagOrATimeRange() throws Exception {
        String id = pushedRun("shop");

        JsonObject api = get("/api/runs/" + id + "/stats?scenario=api").getAsJsonObject();
        JsonArray byUrl = get("/api/runs/" + id + "/http?tag.url=" + enc("http://b/")).getAsJsonArray();
        JsonObject second = get("/api/runs/" + id + "/stats?from=" + (T + 1) * 1000 + "&to=" + (T + 1) * 1000)
                .getAsJsonObject();

        assertThat(api.get("requests").getAsLong()).isEqualTo(2);
        assertThat(api.get("iterations").getAsLong()).isEqualTo(2);
        assertThat(api.get("checksFailed").getAsLong()).isEqualTo(2);
        assertThat(byUrl).hasSize(1);
        assertThat(byUrl.get(0).getAsJsonObject().get("count").getAsLong()).isEqualTo(4);
        assertThat(second.get("requests").getAsLong()).isEqualTo(5);
        assertThat(second.get("peakVus").getAsLong()).isEqualTo(8);
    }

    @Test
    void aZoomedScenarioReadsTheRollupWithTheNumbersOfItsSeries() throws Exception {
        String id = pushedRun("shop");
        String zoom = "&from=" + (T + 1) * 1000 + "&to=" + ((T + 1) * 1000 + 999);

        JsonArray metrics = get("/api/runs/" + id + "/metrics?scenario=api" + zoom).getAsJsonArray();
        JsonArray thresholds = get("/api/runs/" + id + "/thresholds?" + zoom.substring(1)).getAsJsonArray();
        JsonArray perSeries = get("/api/runs/" + id + "/http?scenario=api" + zoom).getAsJsonArray();

        assertThat(find(metrics, "name", "orders").getAsJsonObject("values").get("count").getAsDouble()).isEqualTo(7);
        JsonObject duration = find(metrics, "name", "http_req_duration").getAsJsonObject("values");
        assertThat(duration.get("max").getAsDouble()).isEqualTo(310)
                .isEqualTo(perSeries.get(0).getAsJsonObject().get("maxMs").getAsDouble());
        assertThat(duration.get("count").getAsLong()).isEqualTo(2);
        assertThat(find(metrics, "name", "checks").getAsJsonObject("values").get("fails").getAsLong()).isEqualTo(2);
        assertThat(find(thresholds, "metric", "http_req_duration{scenario:api}").get("observed").getAsDouble())
                .isEqualTo(310);
        assertThat(find(thresholds, "metric", "checks").get("observed").getAsDouble()).isZero();
    }

    @Test
    void thresholdsShowTheValueTheirExpressionTested() throws Exception {
        String id = pushedRun("shop");

        JsonArray t = get("/api/runs/" + id + "/thresholds").getAsJsonArray();

        JsonObject p95 = find(t, "metric", "http_req_duration");
        assertThat(p95.get("expression").getAsString()).isEqualTo("p(95)<250");
        assertThat(p95.get("stat").getAsString()).isEqualTo("p(95)");
        assertThat(p95.get("limit").getAsDouble()).isEqualTo(250);
        assertThat(p95.get("observed").getAsDouble()).isCloseTo(516.5, Percentage.withPercentage(0.2));
        assertThat(p95.get("ok").getAsBoolean()).isFalse();
        JsonObject checks = find(t, "metric", "checks");
        assertThat(checks.get("observed").getAsDouble()).isCloseTo(12.0 / 14, within(1e-6));
        assertThat(checks.get("ok").getAsBoolean()).isFalse();
        JsonObject sub = find(t, "metric", "http_req_duration{scenario:api}");
        assertThat(sub.get("observed").getAsDouble()).as("the max of the api scenario's requests only").isEqualTo(310);
        assertThat(sub.get("ok").getAsBoolean()).isTrue();
    }

    @Test
    void seriesAreDownsampledPerLineAndSplitByATag() throws Exception {
        String id = pushedRun("shop");

        JsonObject reqs = get("/api/runs/" + id + "/series?metric=http_reqs&stat=count").getAsJsonObject();
        JsonObject byScenario = get("/api/runs/" + id + "/series?metric=http_reqs&stat=count&by=scenario")
                .getAsJsonObject();
        JsonObject oneStep = get("/api/runs/" + id + "/series?metric=http_reqs&stat=count&points=1").getAsJsonObject();
        JsonObject fails = get("/api/runs/" + id + "/series?metric=checks&stat=fails").getAsJsonObject();

        assertThat(reqs.get("stepS").getAsLong()).isEqualTo(1);
        JsonArray points = reqs.getAsJsonArray("lines").get(0).getAsJsonObject().getAsJsonArray("points");
        assertThat(points.toString()).isEqualTo("[[" + T * 1000 + ",9.0],[" + (T + 1) * 1000 + ",5.0]]");
        assertThat(byScenario.getAsJsonArray("lines")).hasSize(2);
        assertThat(find(byScenario.getAsJsonArray("lines"), "label", "api").getAsJsonArray("points").toString())
                .isEqualTo("[[" + (T + 1) * 1000 + ",2.0]]");
        assertThat(oneStep.get("stepS").getAsLong()).isEqualTo(2);
        assertThat(oneStep.getAsJsonArray("lines").get(0).getAsJsonObject().getAsJsonArray("points").toString())
                .isEqualTo("[[" + T * 1000 + ",14.0]]");
        assertThat(fails.getAsJsonArray("lines").get(0).getAsJsonObject().getAsJsonArray("points").toString())
                .isEqualTo("[[" + T * 1000 + ",0.0],[" + (T + 1) * 1000 + ",2.0]]");
    }

    @Test
    void aScenarioFilterAndByScenarioReadTheScenarioRollupWithTheSameNumbersAsTheSeries() throws Exception {
        String id = pushedRun("shop");

        JsonObject sliced = get("/api/runs/" + id + "/series?metric=http_req_duration&stat=max&scenario=browse")
                .getAsJsonObject();
        JsonObject perSeries = get("/api/runs/" + id + "/series?metric=http_req_duration&stat=max&scenario=browse"
                + "&tag.method=GET").getAsJsonObject();
        JsonObject byScenario = get("/api/runs/" + id + "/series?metric=http_reqs&stat=count&by=scenario").getAsJsonObject();

        assertThat(sliced.getAsJsonArray("lines").get(0).getAsJsonObject().getAsJsonArray("points").toString())
                .isEqualTo("[[" + T * 1000 + ",900.0]]")
                .isEqualTo(perSeries.getAsJsonArray("lines").get(0).getAsJsonObject().getAsJsonArray("points").toString());
        assertThat(find(byScenario.getAsJsonArray("lines"), "label", "browse").getAsJsonArray("points").toString())
                .isEqualTo("[[" + T * 1000 + ",9.0],[" + (T + 1) * 1000 + ",3.0]]");
        assertThat(find(byScenario.getAsJsonArray("lines"), "label", "browse").getAsJsonObject("tags")
                .get("scenario").getAsString()).isEqualTo("browse");
    }

    @Test
    void aRunStoredBeforeRollupsGetsThemOnItsFirstAnalysisWithTheSameAnswers() throws Exception {
        String id = pushedRun("shop");
        List<String> paths = List.of("/http", "/metrics", "/stats", "/thresholds",
                "/series?metric=http_req_duration&stat=p(95)", "/series?metric=vus&stat=value",
                "/series?metric=http_reqs&stat=rate&scenario=api");
        List<String> before = new ArrayList<>();
        for (String p : paths) {
            before.add(get("/api/runs/" + id + p.replace("(", "%28").replace(")", "%29")).toString());
        }
        // as a run ingested before V5 looks: no rollups, flag 0 (a second service: no cached answers)
        try (java.sql.Connection c = db[1] == null ? java.sql.DriverManager.getConnection(db[0])
                : java.sql.DriverManager.getConnection(db[0], db[1], db[2]); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM series_totals WHERE run_id = " + id);
            st.executeUpdate("DELETE FROM metric_rollup WHERE run_id = " + id);
            st.executeUpdate("UPDATE test_runs SET rollups = 0 WHERE id = " + id);
        }
        v2.close();
        v2 = new V2Service(db[0], db[1], db[2], false);

        for (int i = 0; i < paths.size(); i++) {
            assertThat(get("/api/runs/" + id + paths.get(i).replace("(", "%28").replace(")", "%29")).toString())
                    .as(paths.get(i)).isEqualTo(before.get(i));
        }
    }

    @Test
    void tagValuesListEachKeysValues() throws Exception {
        String id = pushedRun("shop");

        JsonObject tags = get("/api/runs/" + id + "/tags").getAsJsonObject();

        assertThat(tags.getAsJsonArray("scenario").toString()).isEqualTo("[\"api\",\"browse\"]");
        assertThat(tags.getAsJsonArray("group").toString()).isEqualTo("[\"\",\"::login\"]");
        assertThat(tags.getAsJsonObject("tags").getAsJsonArray("url")).hasSize(3);
        assertThat(tags.get("truncated").getAsBoolean()).isFalse();
    }

    @Test
    void runsOfOneNameAreOneTestWithTrendsAndTwoRunsCompare() throws Exception {
        String first = pushedRun("shop");
        String second = pushedRun("shop");
        createRun("other", 42L);

        JsonArray projects = get("/api/projects").getAsJsonArray();
        JsonArray tests = get("/api/tests?project=0").getAsJsonArray();
        JsonObject run = get("/api/runs/" + second).getAsJsonObject().getAsJsonObject("run");
        JsonObject header = get("/api/runs/" + second + "/header").getAsJsonObject();
        assertThat(header.keySet()).containsExactly("run");
        assertThat(header.getAsJsonObject("run")).isEqualTo(run);
        JsonObject test = get("/api/tests/" + run.get("testId").getAsLong()).getAsJsonObject();
        JsonObject compare = get("/api/compare?base=" + first + "&run=" + second).getAsJsonObject();

        assertThat(find(projects, "id", "0").get("tests").getAsLong()).isEqualTo(1);
        assertThat(find(projects, "id", "42").get("tests").getAsLong()).isEqualTo(1);
        assertThat(tests).hasSize(1);
        assertThat(tests.get(0).getAsJsonObject().get("runs").getAsLong()).isEqualTo(2);
        assertThat(tests.get(0).getAsJsonObject().getAsJsonObject("lastRun").get("id").getAsString()).isEqualTo(second);
        assertThat(test.get("name").getAsString()).isEqualTo("shop");
        JsonArray runs = test.getAsJsonArray("runs");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).getAsJsonObject().get("id").getAsString()).as("newest first").isEqualTo(second);
        JsonObject trend = runs.get(0).getAsJsonObject().getAsJsonObject("trend");
        assertThat(trend.get("thresholdsTotal").getAsInt()).isEqualTo(3);
        assertThat(trend.get("thresholdsPassed").getAsInt()).isEqualTo(1);
        assertThat(trend.get("failRate").getAsDouble()).isCloseTo(2.0 / 14, within(1e-6));
        assertThat(trend.get("checksPassRate").getAsDouble()).isCloseTo(12.0 / 14, within(1e-6));
        JsonObject reqs = find(compare.getAsJsonArray("metrics"), "name", "http_reqs");
        assertThat(reqs.get("base").getAsDouble()).isEqualTo(14);
        assertThat(reqs.get("delta").getAsDouble()).isZero();
        assertThat(compare.getAsJsonArray("http")).hasSize(3);
        assertThat(find(compare.getAsJsonArray("checks"), "name", "token present").get("runFails").getAsLong())
                .isEqualTo(2);
    }

    @Test
    void exportsAreDownloadsOfTheSummaryAndTheHttpTable() throws Exception {
        String id = pushedRun("shop");

        var csv = v2.raw("GET", "/api/runs/" + id + "/export/http.csv", null,
                Map.of(CloudApi.AUTHORIZATION_HEADER, CloudApi.authorization(v2.token)));
        var json = v2.raw("GET", "/api/runs/" + id + "/export/summary.json", null,
                Map.of(CloudApi.AUTHORIZATION_HEADER, CloudApi.authorization(v2.token)));

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"run-" + id
                + "-http.csv\"");
        assertThat(csv.body()).startsWith("name,url,method,status,count,failures,avgMs,p95Ms,p99Ms,minMs,maxMs\r\n")
                .contains("http://a/,http://a/,GET,200,8,0,252.5,");
        JsonObject summary = JsonParser.parseString(json.body()).getAsJsonObject();
        assertThat(summary.getAsJsonObject("stats").get("requests").getAsLong()).isEqualTo(14);
        assertThat(summary.getAsJsonArray("thresholds")).hasSize(3);
    }

    @Test
    void anUnknownFilterIsA400NamingItAndAnotherOrganisationsRunA404() throws Exception {
        String id = pushedRun("shop");
        Principal stranger = v2.service.accounts().createUser(v2.service.accounts().organisation("other"),
                "x@example.com", "pw");
        String strangerToken = v2.service.accounts().createToken(stranger);

        ApiClient.Response bad = v2.api.get("/api/runs/" + id + "/http?scenari0=api", v2.token);
        ApiClient.Response badTime = v2.api.get("/api/runs/" + id + "/stats?from=yesterday", v2.token);
        ApiClient.Response foreign = v2.api.get("/api/runs/" + id + "/http", strangerToken);
        ApiClient.Response anonymous = v2.api.get("/api/runs/" + id + "/http", null);

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("unknown query parameter 'scenari0'");
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.body()).contains("'from' must be a whole number");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
