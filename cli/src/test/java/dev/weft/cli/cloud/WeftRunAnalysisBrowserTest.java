package dev.weft.cli.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import dev.weft.cli.Weft;
import dev.weft.cloud.V2Service;
import dev.weft.cloud.web.AnalysisPages;
import dev.weft.cloud.web.Chromium;
import dev.weft.cloud.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance check with Weft's own runner, so it runs wherever Chromium does (no k6
 * binary needed): {@code weft run --out cloud} of the cloud module's {@link AnalysisPages#SCRIPT}
 * (two scenarios, three URLs, a failing check inside a group, a custom Trend and Counter, a failed
 * threshold, console lines) twice into a real results service, then real headless Chromium reads
 * the pages as {@code AnalysisPagesBrowserTest} reads genuine k6's runs, against the runner's own
 * {@code --summary-export}: the check's fail count, the URL rows' counts, the custom metrics, the
 * threshold's observed value, the compare view's delta, the exported report from {@code file://},
 * and the Logs tab with the runner's console lines. One service, two runs, one browser for the
 * class; screenshots named {@code weft-*} under {@code cli/target/screenshots/}.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WeftRunAnalysisBrowserTest {
    private static final Pattern PURCHASE = Pattern.compile("purchase (\\d+) answered (\\d+)");

    Path dir;
    V2Service v2;
    HttpServer target;
    Chromium chromium;
    AnalysisPages pages;
    final List<String> runIds = new ArrayList<>();
    final List<AnalysisPages.Summary> summaries = new ArrayList<>();
    final List<String> consoles = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        this.dir = dir;
        Chromium.assumeInstalled();
        v2 = new V2Service(dir.resolve("db"), true);
        target = AnalysisPages.startTarget();
        Files.writeString(dir.resolve("script.js"), AnalysisPages.SCRIPT);
        weftRun(12);
        weftRun(16);
        chromium = Chromium.start(dir.resolve("chromium-profile"));
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

    /** One {@code weft run --out cloud} in its own JVM; keeps its run id, summary and console output. */
    private void weftRun(int iterations) throws Exception {
        Set<String> before = new HashSet<>(allRunIds());
        String summary = "weft-summary-" + iterations + ".json";
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--sun-misc-unsafe-memory-access=allow",
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Weft.class.getName(), "run", "--address", "", "--no-color", "--out", "cloud",
                "--summary-export", summary, "-e", "TARGET=http://127.0.0.1:" + target.getAddress().getPort(),
                "-e", "N=" + iterations, "script.js").directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("K6_"));
        pb.environment().put("K6_CLOUD_HOST", v2.service.baseUrl());
        pb.environment().put("K6_CLOUD_TOKEN", v2.token);
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        Path out = dir.resolve("weft-" + iterations + ".out");
        pb.redirectErrorStream(true).redirectOutput(out.toFile());
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("weft did not end within 180 s\n" + Files.readString(out));
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("weft exits 99 for the crossed threshold: " + output).isEqualTo(99);
        List<String> after = new ArrayList<>(allRunIds());
        after.removeAll(before);
        assertThat(after).hasSize(1);
        runIds.add(after.get(0));
        summaries.add(AnalysisPages.Summary.read(dir.resolve(summary)));
        consoles.add(output);
    }

    private List<String> allRunIds() throws Exception {
        JsonObject runs = WireJson.GSON.fromJson(v2.api.get("/api/runs", v2.token).body(), JsonObject.class);
        List<String> ids = new ArrayList<>();
        for (JsonElement r : runs.getAsJsonArray("runs")) {
            ids.add(r.getAsJsonObject().get("reference_id").getAsString());
        }
        return ids;
    }

    /** The runner's console lines "purchase I answered S", as printed on its own output. */
    private static List<String> purchases(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PURCHASE.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void theRunPageShowsWhatTheRunnersSummaryCountedAndItsConsoleLines() throws Exception {
        pages.openRun(v2.service.baseUrl() + "/runs/" + runIds.get(1));
        pages.assertRunPageShows(summaries.get(1), "weft-run");

        List<String> printed = purchases(consoles.get(1));
        assertThat(printed).as("one console line per purchase (2 VUs x 8)").hasSize(16);
        chromium.wait.until(d -> purchases(pages.logsText()).size() == printed.size());
        assertThat(purchases(pages.logsText())).containsExactlyInAnyOrderElementsOf(printed);
        chromium.screenshot("weft-run-logs");
    }

    @Test
    void aScenarioFilterAndADragZoomNarrowTheTablesOfAWeftRun() throws Exception {
        pages.assertAScenarioFilterAndADragZoomNarrowTheTables(v2.service.baseUrl() + "/runs/" + runIds.get(1),
                summaries.get(1), "weft-run");
    }

    @Test
    void theCompareViewShowsTheDeltaBetweenTwoWeftRuns() throws Exception {
        pages.assertCompareShowsTheDelta(v2.service.baseUrl(), runIds.get(0), summaries.get(0), runIds.get(1),
                summaries.get(1), "weft-");
    }

    @Test
    void theExportedReportOfAWeftRunOpenedFromFileShowsTheSameNumbers() throws Exception {
        pages.assertExportedReportShows(v2.service.baseUrl(), runIds.get(1), summaries.get(1),
                dir.resolve("report.html"), "weft-report");
        assertThat(purchases(pages.logsText())).as("the report embeds the logs").hasSize(16);
    }
}
