package dev.weft.cloud.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import dev.weft.cloud.V2Service;
import dev.weft.cloud.wire.WireJson;
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
    Path dir;
    V2Service v2;
    HttpServer target;
    Chromium chromium;
    WebDriver browser;
    AnalysisPages pages;
    String k6;
    final List<String> runIds = new ArrayList<>();
    final List<AnalysisPages.Summary> k6Summaries = new ArrayList<>();

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
        target = AnalysisPages.startTarget();
        Files.writeString(dir.resolve("script.js"), AnalysisPages.SCRIPT);
        k6Run(12);
        k6Run(16);
        chromium = Chromium.start(dir.resolve("chromium-profile"));
        browser = chromium.driver;
        pages = new AnalysisPages(chromium);
        pages.login(v2.service.baseUrl(), "k6@example.com", "secret");
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
        k6Summaries.add(AnalysisPages.Summary.read(dir.resolve(summary)));
    }

    private List<String> allRunIds() throws Exception {
        JsonObject runs = WireJson.GSON.fromJson(v2.api.get("/api/runs", v2.token).body(), JsonObject.class);
        List<String> ids = new ArrayList<>();
        runs.getAsJsonArray("runs").forEach(r -> ids.add(r.getAsJsonObject().get("reference_id").getAsString()));
        return ids;
    }

    @Test
    void theRunPageShowsTheFailingCheckTheUrlCountsTheCustomMetricsAndTheObservedThreshold() throws Exception {
        pages.openRun(v2.service.baseUrl() + "/runs/" + runIds.get(1));
        chromium.wait.until(d -> d.findElement(By.id("compare-link")).isDisplayed());
        assertThat(browser.findElement(By.id("compare-link")).getDomAttribute("href"))
                .isEqualTo("/compare?base=" + runIds.get(0) + "&run=" + runIds.get(1));
        pages.assertRunPageShows(k6Summaries.get(1), "run");

        chromium.colorScheme("dark");
        pages.openRun(v2.service.baseUrl() + "/runs/" + runIds.get(1));
        chromium.wait.until(d -> Integer.parseInt(d.findElement(By.id("box-overview")).getDomAttribute("data-points")) > 0);
        chromium.screenshot("run-dark");
        chromium.colorScheme("light");
    }

    @Test
    void aScenarioFilterAndADragZoomNarrowEveryTableAndTile() throws Exception {
        pages.assertAScenarioFilterAndADragZoomNarrowTheTables(v2.service.baseUrl() + "/runs/" + runIds.get(1),
                k6Summaries.get(1), "run");
    }

    @Test
    void theTestPageListsBothRunsAndTheCompareViewShowsTheirDelta() throws Exception {
        pages.assertCompareShowsTheDelta(v2.service.baseUrl(), runIds.get(0), k6Summaries.get(0), runIds.get(1),
                k6Summaries.get(1), "");
    }

    @Test
    void theExportedReportOpenedFromFileShowsTheSameNumbers() throws Exception {
        pages.assertExportedReportShows(v2.service.baseUrl(), runIds.get(1), k6Summaries.get(1),
                dir.resolve("report.html"), "report");
    }
}
