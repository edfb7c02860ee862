package dev.weft.cloud.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import dev.weft.cloud.V2Service;
import dev.weft.cloud.wire.WireJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The analysis pages in real headless Chromium on runs a genuine k6 v1.3.0 streamed in
 * ({@code WEFT_K6_BINARY}, else /opt/k6bin/k6-v1.3.0; skipped without one): two scenarios, three
 * URLs (one answering 404), a failing check inside a group, a custom Trend and Counter and a
 * failed threshold. The pages' numbers are compared with k6's own {@code --summary-export}:
 * request counts per URL, the check's fails, the custom metrics, the threshold's observed value;
 * the compare view's delta between two runs; the exported report opened from {@code file://}.
 * One service, two k6 runs and one browser for the class; screenshots of every view under
 * {@code target/screenshots/}.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisPagesBrowserTest {
    static final String SCRIPT = """
            import http from 'k6/http';
            import { check, group, sleep } from 'k6';
            import { Counter, Trend } from 'k6/metrics';
            const items = new Counter('items_made');
            const work = new Trend('work_ms', true);
            const N = Number(__ENV.N);
            export const options = {
              cloud: { name: 'checkout flow', projectID: 7 },
              scenarios: {
                browse: { executor: 'shared-iterations', vus: 2, iterations: N, maxDuration: '30s', exec: 'browse' },
                buy: { executor: 'per-vu-iterations', vus: 2, iterations: N / 2, maxDuration: '30s', exec: 'buy' },
              },
              thresholds: {
                work_ms: ['avg<5'],
                http_req_duration: ['p(95)<5000'],
                'http_reqs{name:home}': ['count>0'],
                'http_reqs{name:items}': ['count>0'],
                'http_reqs{name:missing}': ['count>0'],
              },
            };
            export function browse() {
              http.get(`${__ENV.TARGET}/home`, { tags: { name: 'home' } });
              http.get(`${__ENV.TARGET}/items?page=${__ITER % 3}`, { tags: { name: 'items' } });
              sleep(0.5);
            }
            export function buy() {
              const res = http.get(`${__ENV.TARGET}/missing`, { tags: { name: 'missing' } });
              group('checkout', () => {
                check(res, { 'order placed': (r) => r.status === 200 });
              });
              check(res, { 'answered': (r) => r.status > 0 });
              items.add(2);
              work.add(10 + __ITER);
              sleep(0.5);
            }
            """;
    static final List<String> URLS = List.of("home", "items", "missing");

    Path dir;
    V2Service v2;
    HttpServer target;
    Chromium chromium;
    WebDriver browser;
    String k6;
    final List<String> runIds = new ArrayList<>();
    final List<JsonObject> k6Summaries = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        this.dir = dir;
        Chromium.assumeInstalled();
        k6 = System.getenv("WEFT_K6_BINARY");
        if (k6 == null || k6.isBlank()) {
            k6 = "/opt/k6bin/k6-v1.3.0";
        }
        assumeThat(Files.isExecutable(Path.of(k6))).as("no k6 binary (set WEFT_K6_BINARY)").isTrue();
        v2 = new V2Service(dir.resolve("db"), true);
        target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        target.createContext("/", ex -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(ex.getRequestURI().getPath().startsWith("/missing") ? 404 : 200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        target.start();
        Files.writeString(dir.resolve("script.js"), SCRIPT);
        k6Run(12);
        k6Run(16);
        chromium = Chromium.start(dir.resolve("chromium-profile"));
        browser = chromium.driver;
        browser.get(v2.service.baseUrl() + "/login");
        browser.findElement(By.id("email")).sendKeys("k6@example.com");
        browser.findElement(By.id("password")).sendKeys("secret");
        browser.findElement(By.id("login")).click();
        chromium.wait.until(d -> d.getCurrentUrl().equals(v2.service.baseUrl() + "/"));
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (target != null) {
            target.stop(0);
        }
        if (v2 != null) {
            v2.close();
        }
    }

    /** One genuine k6 run into the service; keeps its run id and k6's own summary. */
    private void k6Run(int iterations) throws Exception {
        Set<String> before = new HashSet<>(allRunIds());
        String summary = "k6-summary-" + iterations + ".json";
        ProcessBuilder pb = new ProcessBuilder(k6, "run", "--out", "cloud", "--summary-export", summary, "script.js")
                .directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("K6_CLOUD_HOST", v2.service.baseUrl());
        env.put("K6_CLOUD_TOKEN", v2.token);
        env.put("K6_CLOUD_TRACES_ENABLED", "false");
        env.put("K6_NO_USAGE_REPORT", "true");
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        env.put("HOME", dir.toString());
        env.put("TARGET", "http://127.0.0.1:" + target.getAddress().getPort());
        env.put("N", Integer.toString(iterations));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("k6 ended").isTrue();
        assertThat(p.exitValue()).as("k6 exits 99 for the crossed threshold: " + out).isEqualTo(99);
        List<String> after = new ArrayList<>(allRunIds());
        after.removeAll(before);
        assertThat(after).hasSize(1);
        runIds.add(after.get(0));
        k6Summaries.add(WireJson.GSON.fromJson(Files.readString(dir.resolve(summary)), JsonObject.class));
    }

    private List<String> allRunIds() throws Exception {
        JsonObject runs = WireJson.GSON.fromJson(v2.api.get("/api/runs", v2.token).body(), JsonObject.class);
        List<String> ids = new ArrayList<>();
        runs.getAsJsonArray("runs").forEach(r -> ids.add(r.getAsJsonObject().get("reference_id").getAsString()));
        return ids;
    }

    private static long k6Count(JsonObject summary, String metric) {
        return summary.getAsJsonObject("metrics").getAsJsonObject(metric).get("count").getAsLong();
    }

    private static double k6Value(JsonObject summary, String metric, String stat) {
        return summary.getAsJsonObject("metrics").getAsJsonObject(metric).get(stat).getAsDouble();
    }

    private static long k6CheckFails(JsonObject summary) {
        return summary.getAsJsonObject("root_group").getAsJsonObject("groups").getAsJsonObject("checkout")
                .getAsJsonObject("checks").getAsJsonObject("order placed").get("fails").getAsLong();
    }

    private static double number(String text) {
        return Double.parseDouble(text.replace(",", "").replaceAll("[^0-9.\\-].*$", "").trim());
    }

    private void openRun(String base, String id) {
        browser.get(base + id);
        chromium.wait.until(d -> "true".equals(d.findElement(By.id("run")).getDomAttribute("data-loaded")));
    }

    private void tab(String name) {
        browser.findElement(By.id("tab-" + name)).click();
        chromium.wait.until(d -> !d.findElement(By.id("panel-" + name)).getText().isBlank());
    }

    /** The run page's numbers against k6's summary; the same assertions serve the exported report. */
    private void assertRunPageShowsWhatK6Counted(String kind) throws IOException {
        JsonObject k6s = k6Summaries.get(1);
        chromium.wait.until(d -> !d.findElement(By.id("tile-requests")).getText().isBlank());
        assertThat(number(browser.findElement(By.cssSelector("#tile-requests .value")).getText()))
                .isEqualTo(k6Count(k6s, "http_reqs"));
        chromium.wait.until(d -> Integer.parseInt(d.findElement(By.id("box-overview")).getDomAttribute("data-points")) > 0);
        chromium.screenshot(kind + "-thresholds");

        String home = browser.findElement(By.cssSelector("#thresholds tr[data-metric='http_reqs{name:home}']")).getDomAttribute("id");
        chromium.wait.until(d -> !"0".equals(d.findElement(By.id("chart-" + home)).getDomAttribute("data-points")));
        WebElement work = browser.findElement(By.cssSelector("#thresholds tr[data-metric='work_ms']"));
        assertThat(work.getText()).contains("avg<5").contains("failed");
        assertThat(number(work.findElement(By.cssSelector(".observed")).getText()))
                .isCloseTo(k6Value(k6s, "work_ms", "avg"), org.assertj.core.data.Percentage.withPercentage(1));

        tab("checks");
        WebElement placed = browser.findElement(By.cssSelector("li.check[data-check='order placed']"));
        assertThat(placed.getDomAttribute("data-group")).isEqualTo("::checkout");
        assertThat(Long.parseLong(placed.getDomAttribute("data-fails"))).isEqualTo(k6CheckFails(k6s)).isPositive();
        assertThat(placed.getText()).contains(k6CheckFails(k6s) + " failed");
        chromium.screenshot(kind + "-checks");

        tab("http");
        for (String url : URLS) {
            long shown = browser.findElements(By.cssSelector("#http-rows tr[data-name='" + url + "']")).stream()
                    .mapToLong(r -> Long.parseLong(r.getDomAttribute("data-count"))).sum();
            assertThat(shown).as("requests to " + url).isEqualTo(k6Count(k6s, "http_reqs{name:" + url + "}"));
        }
        browser.findElement(By.cssSelector("#http-rows tr[data-name='missing']")).click();
        chromium.wait.until(d -> d.findElements(By.cssSelector("#chart-row-duration[data-points]")).stream()
                .anyMatch(e -> !"0".equals(e.getDomAttribute("data-points"))));
        chromium.screenshot(kind + "-http");

        tab("metrics");
        assertThat(browser.findElement(By.id("metric-items_made")).getText()).contains(Long.toString(k6Count(k6s, "items_made")));
        assertThat(browser.findElement(By.id("metric-work_ms")).getText()).contains("avg=").contains("p(95)=");
        chromium.screenshot(kind + "-metrics");

        tab("scenarios");
        chromium.wait.until(d -> "2".equals(d.findElement(By.id("chart-scenario-0")).getDomAttribute("data-lines")));
        chromium.screenshot(kind + "-scenarios");
        tab("logs");
        chromium.screenshot(kind + "-logs");
    }

    @Test
    void theRunPageShowsTheFailingCheckTheUrlCountsTheCustomMetricsAndTheObservedThreshold() throws Exception {
        openRun(v2.service.baseUrl() + "/runs/", runIds.get(1));
        chromium.wait.until(d -> d.findElement(By.id("compare-link")).isDisplayed());
        assertThat(browser.findElement(By.id("compare-link")).getDomAttribute("href"))
                .isEqualTo("/compare?base=" + runIds.get(0) + "&run=" + runIds.get(1));
        assertRunPageShowsWhatK6Counted("run");

        chromium.colorScheme("dark");
        openRun(v2.service.baseUrl() + "/runs/", runIds.get(1));
        chromium.wait.until(d -> Integer.parseInt(d.findElement(By.id("box-overview")).getDomAttribute("data-points")) > 0);
        chromium.screenshot("run-dark");
        chromium.colorScheme("light");
    }

    @Test
    void aScenarioFilterAndADragZoomNarrowEveryTableAndTile() throws Exception {
        openRun(v2.service.baseUrl() + "/runs/", runIds.get(1));
        tab("http");
        chromium.wait.until(d -> d.findElements(By.cssSelector("#filter-scenario option")).size() == 3);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter-scenario"))).selectByValue("buy");
        chromium.wait.until(d -> d.findElements(By.cssSelector("#http-rows tr")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#http-rows tr")).getDomAttribute("data-name")).isEqualTo("missing");
        chromium.wait.until(d -> number(d.findElement(By.cssSelector("#tile-requests .value")).getText())
                == k6Count(k6Summaries.get(1), "http_reqs{name:missing}"));
        chromium.screenshot("run-filtered-by-scenario");

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter-scenario"))).selectByValue("");
        long all = k6Count(k6Summaries.get(1), "http_reqs");
        chromium.wait.until(d -> number(d.findElement(By.cssSelector("#tile-requests .value")).getText()) == all);
        WebElement over = browser.findElement(By.cssSelector("#box-overview .u-over"));
        int w = over.getSize().getWidth();
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(over, -w / 2 + 2, 0).clickAndHold()
                .moveByOffset(w / 3, 0).release().perform();
        chromium.wait.until(d -> !d.findElement(By.id("zoom-range")).getText().isBlank());
        chromium.wait.until(d -> number(d.findElement(By.cssSelector("#tile-requests .value")).getText()) < all);
        chromium.screenshot("run-zoomed");
        browser.findElement(By.id("zoom-reset")).click();
        chromium.wait.until(d -> number(d.findElement(By.cssSelector("#tile-requests .value")).getText()) == all);
    }

    @Test
    void theTestPageListsBothRunsAndTheCompareViewShowsTheirDelta() throws Exception {
        browser.get(v2.service.baseUrl() + "/");
        chromium.wait.until(d -> !d.findElements(By.linkText("checkout flow")).isEmpty());
        chromium.screenshot("home");
        browser.findElement(By.linkText("checkout flow")).click();
        chromium.wait.until(d -> "true".equals(d.findElement(By.id("test")).getDomAttribute("data-loaded")));
        assertThat(browser.findElements(By.cssSelector("#test-runs tbody tr"))).hasSize(2);
        chromium.wait.until(d -> "2".equals(d.findElement(By.id("trend-p95Ms")).getDomAttribute("data-points")));
        chromium.screenshot("test");

        browser.findElement(By.id("base-" + runIds.get(0))).click();
        browser.findElement(By.id("pick-" + runIds.get(1))).click();
        browser.findElement(By.id("compare")).click();
        chromium.wait.until(d -> "true".equals(d.findElement(By.id("compare")).getDomAttribute("data-loaded")));
        long delta = k6Count(k6Summaries.get(1), "http_reqs") - k6Count(k6Summaries.get(0), "http_reqs");
        List<WebElement> reqs = browser.findElements(By.cssSelector("#compare-metrics tr[data-metric='http_reqs']"));
        assertThat(reqs).extracting(r -> r.getDomAttribute("data-stat") + "=" + number(r.getDomAttribute("data-delta")))
                .contains("count=" + (double) delta);
        chromium.wait.until(d -> "2".equals(d.findElement(By.id("overlay-rate")).getDomAttribute("data-lines")));
        chromium.screenshot("compare");

        browser.findElement(By.id("swap")).click();
        chromium.wait.until(d -> d.getCurrentUrl().contains("base=" + runIds.get(1)));
        chromium.wait.until(d -> "true".equals(d.findElement(By.id("compare")).getDomAttribute("data-loaded")));
        assertThat(browser.findElements(By.cssSelector("#compare-metrics tr[data-metric='http_reqs']")))
                .extracting(r -> r.getDomAttribute("data-stat") + "=" + number(r.getDomAttribute("data-delta")))
                .contains("count=" + (double) -delta);
    }

    @Test
    void theExportedReportOpenedFromFileShowsTheSameNumbers() throws Exception {
        String cookie = browser.manage().getCookieNamed(dev.weft.cloud.account.Sessions.COOKIE).getValue();
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(v2.service.baseUrl() + "/runs/" + runIds.get(1) + "/report.html"))
                .header("Cookie", dev.weft.cloud.account.Sessions.COOKIE + "=" + cookie).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> v.contains("attachment"));
        Path file = Files.write(dir.resolve("report.html"), download.body());
        String html = Files.readString(file);
        assertThat(html).doesNotContain("src=\"/static").doesNotContain("href=\"/static").contains("window.WEFT_DATA");

        openRun(file.toUri().toString(), "");
        assertThat(browser.findElement(By.id("filters-note")).getText()).contains("unfiltered");
        assertRunPageShowsWhatK6Counted("report");
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)")).as("nothing fetched").isEqualTo(List.of());
    }
}
