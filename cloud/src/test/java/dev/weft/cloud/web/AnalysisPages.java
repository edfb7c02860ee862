package dev.weft.cloud.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import dev.weft.cloud.account.Sessions;
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
import java.util.List;
import org.assertj.core.data.Percentage;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The analysis pages read as a user reads them, for the acceptance tests whatever produced the
 * run (genuine k6 in the cloud module's {@code AnalysisPagesBrowserTest}, Weft's own runner in the
 * CLI's {@code WeftRunAnalysisBrowserTest}, both running {@link #SCRIPT}): the run page's tiles,
 * thresholds, checks, HTTP rows and metrics against the runner's {@code --summary-export}, the
 * test page and compare view, the exported report. One per test class around its {@link Chromium};
 * used from the test thread. Public and in the cloud module's test-jar.
 */
public final class AnalysisPages {
    /**
     * Two scenarios, three URLs (one answering 404), a failing check inside a group, a custom Trend
     * and Counter, a failed threshold ({@code work_ms avg<5}) and a console line per purchase.
     * {@code __ENV.TARGET} is {@link #startTarget()}'s address, {@code __ENV.N} the browse iterations.
     */
    public static final String SCRIPT = """
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
              console.log(`purchase ${__ITER} answered ${res.status}`);
              sleep(0.5);
            }
            """;
    /** The {@code name} tags of {@link #SCRIPT}'s three URLs. */
    public static final List<String> URLS = List.of("home", "items", "missing");

    private final Chromium chromium;
    private final WebDriver browser;

    public AnalysisPages(Chromium chromium) {
        this.chromium = chromium;
        this.browser = chromium.driver;
    }

    /** The target {@link #SCRIPT} calls on loopback (port 0): "ok", 404 under /missing. */
    public static HttpServer startTarget() throws IOException {
        HttpServer target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        target.createContext("/", ex -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(ex.getRequestURI().getPath().startsWith("/missing") ? 404 : 200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        target.start();
        return target;
    }

    /** A runner's {@code --summary-export} file (k6's legacy summary format; Weft writes the same). */
    public record Summary(JsonObject json) {
        public static Summary read(Path file) throws IOException {
            return new Summary(WireJson.GSON.fromJson(Files.readString(file), JsonObject.class));
        }

        public long count(String metric) {
            return json.getAsJsonObject("metrics").getAsJsonObject(metric).get("count").getAsLong();
        }

        public double value(String metric, String stat) {
            return json.getAsJsonObject("metrics").getAsJsonObject(metric).get(stat).getAsDouble();
        }

        /** The fails of {@link #SCRIPT}'s "order placed" check in group "checkout". */
        public long orderPlacedFails() {
            return json.getAsJsonObject("root_group").getAsJsonObject("groups").getAsJsonObject("checkout")
                    .getAsJsonObject("checks").getAsJsonObject("order placed").get("fails").getAsLong();
        }
    }

    /** A number as the pages print it ("1,234", "12.5 ms", "3 failed"): its leading figure. */
    public static double number(String text) {
        return Double.parseDouble(text.replace(",", "").replaceAll("[^0-9.\\-].*$", "").trim());
    }

    /** Logs in through the login form and waits for the home page. */
    public void login(String baseUrl, String email, String password) {
        browser.get(baseUrl + "/login");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        chromium.wait.until(d -> d.getCurrentUrl().equals(baseUrl + "/"));
    }

    /** Opens a run page (served or exported) and waits until it has loaded. */
    public void openRun(String url) {
        browser.get(url);
        chromium.wait.until(d -> "true".equals(d.findElement(By.id("run")).getDomAttribute("data-loaded")));
    }

    /** Clicks a run page tab and waits until its panel shows something. */
    public void tab(String name) {
        browser.findElement(By.id("tab-" + name)).click();
        chromium.wait.until(d -> !d.findElement(By.id("panel-" + name)).getText().isBlank());
    }

    /** The requests tile's number. */
    public double requestsTile() {
        return tile("requests");
    }

    /** A stat tile's number ({@code requests}, {@code failed}, {@code p95}, {@code vus}, {@code iterations}, ...). */
    public double tile(String name) {
        return number(browser.findElement(By.cssSelector("#tile-" + name + " .value")).getText());
    }

    /**
     * The open run page's numbers against the runner's summary: the stat tiles, the failed
     * threshold's observed value, the failing check in its group with its fails, the requests
     * per URL, the custom Trend and Counter; screenshots named {@code kind-<tab>}.
     */
    public void assertRunPageShows(Summary summary, String kind) throws IOException {
        chromium.wait.until(d -> !d.findElement(By.id("tile-requests")).getText().isBlank());
        assertThat(requestsTile()).isEqualTo(summary.count("http_reqs"));
        assertThat(tile("iterations")).isEqualTo(summary.count("iterations"));
        assertThat(tile("vus")).isEqualTo(summary.value("vus_max", "max"));
        assertThat(tile("failed")).isCloseTo(100 * summary.value("http_req_failed", "value"), within(0.01));
        // the service interpolates its percentiles as the runner's summary does (TrendDigest)
        double p95 = tile("p95");
        assertThat(p95).isCloseTo(summary.value("http_req_duration", "p(95)"), Percentage.withPercentage(1));
        long passes = (long) summary.value("checks", "passes");
        long checks = passes + (long) summary.value("checks", "fails");
        assertThat(browser.findElement(By.cssSelector("#tile-checks .value")).getText()).endsWith("(" + passes + "/" + checks + ")");
        chromium.wait.until(d -> Integer.parseInt(d.findElement(By.id("box-overview")).getDomAttribute("data-points")) > 0);
        chromium.screenshot(kind + "-thresholds");

        String home = browser.findElement(By.cssSelector("#thresholds tr[data-metric='http_reqs{name:home}']")).getDomAttribute("id");
        chromium.wait.until(d -> !"0".equals(d.findElement(By.id("chart-" + home)).getDomAttribute("data-points")));
        WebElement work = browser.findElement(By.cssSelector("#thresholds tr[data-metric='work_ms']"));
        assertThat(work.getText()).contains("avg<5").contains("failed");
        assertThat(number(work.findElement(By.cssSelector(".observed")).getText()))
                .isCloseTo(summary.value("work_ms", "avg"), Percentage.withPercentage(1));
        WebElement duration = browser.findElement(By.cssSelector("#thresholds tr[data-metric='http_req_duration']"));
        assertThat(number(duration.findElement(By.cssSelector(".observed")).getText())).as("the threshold's p95 is the tile's")
                .isCloseTo(p95, within(0.01));

        tab("checks");
        WebElement placed = browser.findElement(By.cssSelector("li.check[data-check='order placed']"));
        assertThat(placed.getDomAttribute("data-group")).isEqualTo("::checkout");
        assertThat(Long.parseLong(placed.getDomAttribute("data-fails"))).isEqualTo(summary.orderPlacedFails()).isPositive();
        assertThat(placed.getText()).contains(summary.orderPlacedFails() + " failed");
        chromium.screenshot(kind + "-checks");

        tab("http");
        for (String url : URLS) {
            long shown = browser.findElements(By.cssSelector("#http-rows tr[data-name='" + url + "']")).stream()
                    .mapToLong(r -> Long.parseLong(r.getDomAttribute("data-count"))).sum();
            assertThat(shown).as("requests to " + url).isEqualTo(summary.count("http_reqs{name:" + url + "}"));
        }
        browser.findElement(By.cssSelector("#http-rows tr[data-name='missing']")).click();
        chromium.wait.until(d -> d.findElements(By.cssSelector("#chart-row-duration[data-points]")).stream()
                .anyMatch(e -> !"0".equals(e.getDomAttribute("data-points"))));
        chromium.screenshot(kind + "-http");

        tab("metrics");
        assertThat(browser.findElement(By.id("metric-items_made")).getText()).contains(Long.toString(summary.count("items_made")));
        assertThat(browser.findElement(By.id("metric-work_ms")).getText()).contains("avg=").contains("p(95)=");
        assertThat(browser.findElement(By.id("metric-data_received")).getText()).as("data rates in bytes, as k6's summary")
                .containsPattern("\\d (B|kB|MB)/s");
        chromium.screenshot(kind + "-metrics");

        tab("scenarios");
        chromium.wait.until(d -> "2".equals(d.findElement(By.id("chart-scenario-0")).getDomAttribute("data-lines")));
        chromium.screenshot(kind + "-scenarios");
        tab("logs");
        chromium.screenshot(kind + "-logs");
    }

    /**
     * On the run page at {@code url}: picking the scenario "buy" leaves only the "missing" row and
     * its request count in the tile, the overview its four lines; a drag across the overview zooms every number to fewer
     * requests and the reset brings them all back. Screenshots {@code kind-filtered-by-scenario},
     * {@code kind-zoomed}.
     */
    public void assertAScenarioFilterAndADragZoomNarrowTheTables(String url, Summary summary, String kind)
            throws IOException {
        openRun(url);
        chromium.wait.until(d -> "".equals(d.findElement(By.id("box-overview")).getDomAttribute("data-filters")));
        String colors = browser.findElement(By.id("box-overview")).getDomAttribute("data-colors");
        assertThat(colors.split(" ")).as("four lines, four colours").doesNotHaveDuplicates().hasSize(4);
        tab("http");
        chromium.wait.until(d -> d.findElements(By.cssSelector("#filter-scenario option")).size() == 3);
        new Select(browser.findElement(By.id("filter-scenario"))).selectByValue("buy");
        chromium.wait.until(d -> d.findElements(By.cssSelector("#http-rows tr")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#http-rows tr")).getDomAttribute("data-name")).isEqualTo("missing");
        chromium.wait.until(d -> requestsTile() == summary.count("http_reqs{name:missing}"));
        chromium.wait.until(d -> "?scenario=buy".equals(d.findElement(By.id("box-overview")).getDomAttribute("data-filters")));
        WebElement overview = browser.findElement(By.id("box-overview"));
        assertThat(overview.getDomAttribute("data-lines")).as("the overview keeps its VUs line (the gauge has no tags)")
                .isEqualTo("4");
        assertThat(overview.getDomAttribute("data-colors")).as("each line keeps its colour").isEqualTo(colors);
        chromium.screenshot(kind + "-filtered-by-scenario");

        new Select(browser.findElement(By.id("filter-scenario"))).selectByValue("");
        long all = summary.count("http_reqs");
        chromium.wait.until(d -> requestsTile() == all);
        WebElement over = browser.findElement(By.cssSelector("#box-overview .u-over"));
        int w = over.getSize().getWidth();
        new Actions(browser).moveToElement(over, -w / 2 + 2, 0).clickAndHold().moveByOffset(w / 3, 0).release().perform();
        chromium.wait.until(d -> !d.findElement(By.id("zoom-range")).getText().isBlank());
        chromium.wait.until(d -> requestsTile() < all);
        chromium.screenshot(kind + "-zoomed");
        browser.findElement(By.id("zoom-reset")).click();
        chromium.wait.until(d -> requestsTile() == all);
    }

    /** The Logs tab's text (opens the tab). */
    public String logsText() {
        tab("logs");
        return browser.findElement(By.id("panel-logs")).getText();
    }

    /**
     * From the home page through the test "checkout flow" (both runs listed, the p95 trend) to the
     * compare view of {@code baseId} and {@code runId}: the request count's delta, each URL's and
     * the failing check's equal the runners' summaries' differences, and swapping the baseline
     * negates the first. Screenshots
     * {@code <prefix>home}, {@code <prefix>test}, {@code <prefix>compare}.
     */
    public void assertCompareShowsTheDelta(String baseUrl, String baseId, Summary base, String runId, Summary run,
            String prefix) throws IOException {
        browser.get(baseUrl + "/");
        chromium.wait.until(d -> !d.findElements(By.linkText("checkout flow")).isEmpty());
        chromium.screenshot(prefix + "home");
        browser.findElement(By.linkText("checkout flow")).click();
        chromium.wait.until(d -> "true".equals(d.findElement(By.id("test")).getDomAttribute("data-loaded")));
        assertThat(browser.findElements(By.cssSelector("#test-runs tbody tr"))).hasSize(2);
        chromium.wait.until(d -> "2".equals(d.findElement(By.id("trend-p95Ms")).getDomAttribute("data-points")));
        chromium.screenshot(prefix + "test");

        browser.findElement(By.id("base-" + baseId)).click();
        browser.findElement(By.id("pick-" + runId)).click();
        browser.findElement(By.id("compare")).click();
        chromium.wait.until(d -> "true".equals(d.findElement(By.id("compare")).getDomAttribute("data-loaded")));
        long delta = run.count("http_reqs") - base.count("http_reqs");
        assertThat(delta).as("the two runs differ").isNotZero();
        assertThat(requestDeltas()).contains("count=" + (double) delta);
        for (String url : URLS) {
            double shown = browser.findElements(By.cssSelector("#compare-http tr[data-name='" + url + "']")).stream()
                    .mapToDouble(r -> Double.parseDouble(r.getDomAttribute("data-count-delta"))).sum();
            assertThat(shown).as("Δ requests to " + url)
                    .isEqualTo(run.count("http_reqs{name:" + url + "}") - base.count("http_reqs{name:" + url + "}"));
        }
        WebElement placed = browser.findElement(By.cssSelector("#compare-checks tr[data-check='order placed']"));
        assertThat(placed.getDomAttribute("data-group")).isEqualTo("::checkout");
        assertThat(Double.parseDouble(placed.getDomAttribute("data-fails-delta")))
                .isEqualTo(run.orderPlacedFails() - base.orderPlacedFails()).isNotZero();
        chromium.wait.until(d -> "2".equals(d.findElement(By.id("overlay-rate")).getDomAttribute("data-lines")));
        chromium.screenshot(prefix + "compare");

        browser.findElement(By.id("swap")).click();
        chromium.wait.until(d -> d.getCurrentUrl().contains("base=" + runId));
        chromium.wait.until(d -> "true".equals(d.findElement(By.id("compare")).getDomAttribute("data-loaded")));
        assertThat(requestDeltas()).contains("count=" + (double) -delta);
    }

    private List<String> requestDeltas() {
        return browser.findElements(By.cssSelector("#compare-metrics tr[data-metric='http_reqs']")).stream()
                .map(r -> r.getDomAttribute("data-stat") + "=" + number(r.getDomAttribute("data-delta"))).toList();
    }

    /**
     * Downloads a run's report with the browser's session (an attachment, nothing under /static
     * left), opens it from {@code file://} and checks it against the summary as the run page;
     * the page fetches nothing.
     */
    public void assertExportedReportShows(String baseUrl, String runId, Summary summary, Path file, String kind)
            throws Exception {
        String cookie = browser.manage().getCookieNamed(Sessions.COOKIE).getValue();
        HttpResponse<byte[]> download;
        try (HttpClient http = HttpClient.newHttpClient()) {
            download = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/runs/" + runId + "/report.html"))
                    .header("Cookie", Sessions.COOKIE + "=" + cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
        }
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> v.contains("attachment"));
        Files.write(file, download.body());
        String html = Files.readString(file);
        assertThat(html).doesNotContain("src=\"/static").doesNotContain("href=\"/static").contains("window.WEFT_DATA");

        openRun(file.toUri().toString());
        assertThat(browser.findElement(By.id("filters-note")).getText()).contains("unfiltered");
        assertRunPageShows(summary, kind);
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)")).as("nothing fetched").isEqualTo(List.of());
    }
}
