package dev.weft.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.weft.cli.Weft;
import dev.weft.cloud.web.Chromium;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code weft run} with {@code K6_WEB_DASHBOARD=true} as a user runs it, in its own JVM: while the
 * test runs the dashboard answers on the port it printed ({@code /} opens the run page, the API
 * has the run and its logs, real headless Chromium renders it), and at the end the HTML report is
 * written with the run's numbers. A port that was asked for and is busy is one line and exit 255,
 * as in k6.
 */
class WebDashboardRunTest {
    private static final String SCRIPT = """
            import { check, group, sleep } from 'k6';
            import { Counter } from 'k6/metrics';
            const jobs = new Counter('jobs_done');
            export const options = {
              scenarios: {
                browse: { executor: 'constant-vus', vus: 2, duration: __ENV.DURATION },
                buy: { executor: 'per-vu-iterations', vus: 1, iterations: 3, exec: 'buy' },
              },
              thresholds: { checks: ['rate>0.9'] },
            };
            export default function () {
              console.log(`browsing ${__VU}/${__ITER}`);
              group('cart', () => {
                check(1, { 'one is one': (v) => v === 1, 'one is two': (v) => v === 2 });
              });
              jobs.add(1);
              sleep(0.2);
            }
            export function buy() {
              console.warn('buying ' + __ITER);
              if (__ITER === 2) { throw new Error('card declined'); }
            }
            """;

    @TempDir
    Path dir;
    Process weft;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void writeScript() throws IOException {
        Files.writeString(dir.resolve("s.js"), SCRIPT);
    }

    @AfterEach
    void stopAll() {
        if (weft != null) {
            weft.destroyForcibly();
        }
        http.close();
    }

    private Process weft(String duration, Map<String, String> env) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--sun-misc-unsafe-memory-access=allow",
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Weft.class.getName(), "run", "--address", "", "--no-color", "-e", "DURATION=" + duration, "s.js"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("K6_"));
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        pb.environment().putAll(env);
        pb.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        weft = pb.start();
        return weft;
    }

    private int exit(Duration within) throws Exception {
        if (!weft.waitFor(within.toSeconds(), TimeUnit.SECONDS)) {
            weft.destroyForcibly();
            throw new AssertionError("weft did not end within " + within + "\n" + output());
        }
        return weft.exitValue();
    }

    private String output() throws IOException {
        return "--- stdout\n" + read("out.txt") + "\n--- stderr\n" + read("err.txt");
    }

    private String read(String file) throws IOException {
        Path p = dir.resolve(file);
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void eventually(Duration within, String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline || !weft.isAlive() && !condition.getAsBoolean()) {
                throw new AssertionError("not within " + within + ": " + what + "\n" + output());
            }
            Thread.sleep(100);
        }
    }

    private boolean logsHave(String base, String text) {
        try {
            return get(base + "/api/runs/1/logs").body().contains(text);
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void theDashboardServesTheLiveRunDuringTheRunAndTheReportHasItsNumbersAfterwards() throws Exception {
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        // long enough for Chromium to start and render while the run goes on, on a loaded machine
        weft("15s", Map.of("K6_WEB_DASHBOARD", "true", "K6_WEB_DASHBOARD_PORT", Integer.toString(port),
                "K6_WEB_DASHBOARD_PERIOD", "1s", "K6_WEB_DASHBOARD_EXPORT", "reports/run.html"));

        eventually(Duration.ofSeconds(60), "the header names the dashboard",
                () -> readQuietly("out.txt").contains(" web dashboard: " + base));
        assertThat(read("out.txt")).contains("        output: -");
        HttpResponse<String> root = get(base + "/");
        assertThat(root.statusCode()).isEqualTo(303);
        assertThat(root.headers().firstValue("Location")).hasValue("/runs/1");
        eventually(Duration.ofSeconds(30), "the run's console lines reach the page's API",
                () -> logsHave(base, "browsing "));
        JsonObject run = JsonParser.parseString(get(base + "/api/runs/1").body()).getAsJsonObject();
        assertThat(run.getAsJsonObject("run").get("run_state").getAsString()).isEqualTo("RUNNING");
        eventually(Duration.ofSeconds(30), "the failing iteration's error is in the logs",
                () -> logsHave(base, "card declined"));
        JsonArray logs = JsonParser.parseString(get(base + "/api/runs/1/logs?level=error").body()).getAsJsonArray();
        JsonObject error = logs.get(0).getAsJsonObject();
        assertThat(error.get("message").getAsString()).contains("card declined");
        assertThat(error.get("source").getAsString()).isEqualTo("stacktrace");
        assertThat(error.get("scenario").getAsString()).isEqualTo("buy");
        assertThat(error.get("iteration").getAsLong()).isEqualTo(2);
        assertThat(error.get("vu").getAsLong()).isBetween(1L, 3L);
        if (Chromium.installed()) {
            renderInChromium(base);
        }

        int code = exit(Duration.ofSeconds(120));

        assertThat(code).as(output()).isEqualTo(99);
        assertThatThrownBy(() -> get(base + "/")).as("the dashboard ends with the run, as k6's")
                .isInstanceOf(java.net.ConnectException.class);
        Path report = dir.resolve("reports/run.html");
        assertThat(report).exists();
        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(html).contains("window.WEFT_DATA").doesNotContain("http://127.0.0.1:" + port + "/static");
        long iterations = summaryCount(read("out.txt"), "iterations");
        long jobs = summaryCount(read("out.txt"), "jobs_done");
        JsonObject data = embeddedData(html);
        assertThat(metricCount(data, "iterations")).isEqualTo(iterations).isPositive();
        assertThat(metricCount(data, "jobs_done")).isEqualTo(jobs).isPositive();
        assertThat(data.toString()).contains("card declined");
    }

    private String readQuietly(String file) {
        try {
            return read(file);
        } catch (IOException e) {
            return "";
        }
    }

    private void renderInChromium(String base) throws Exception {
        try (Chromium chromium = Chromium.start(dir.resolve("chromium-profile"))) {
            WebDriver browser = chromium.driver;
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(base + "/");
            wait.until(d -> d.getCurrentUrl().startsWith(base + "/runs/1"));
            wait.until(d -> d.findElement(By.id("run-state")).getText().equals("Running"));
            wait.until(d -> !d.findElements(By.cssSelector("#tiles > *")).isEmpty());
            assertThat(browser.findElement(By.id("run-name")).getText()).isEqualTo("s.js");
            chromium.screenshot("web-dashboard-live-run");
            browser.findElement(By.xpath("//nav[@id='tabs']//*[normalize-space(text())='Logs']")).click();
            wait.until(d -> d.findElement(By.id("panel-logs")).getText().contains("card declined"));
            chromium.screenshot("web-dashboard-live-logs");
        }
    }

    /** The count k6's end-of-test summary prints for a counter, e.g. {@code iterations...: 42 3.5/s}. */
    private static long summaryCount(String stdout, String metric) {
        Matcher m = Pattern.compile("\\b" + metric + "\\.*: (\\d+)").matcher(stdout);
        assertThat(m.find()).as("%s in the summary:\n%s", metric, stdout).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static JsonObject embeddedData(String html) {
        Matcher m = Pattern.compile("window\\.WEFT_DATA = (\\{.*?\\});</script>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("the report embeds its data").isTrue();
        return JsonParser.parseString(m.group(1).replace("<\\/", "</")).getAsJsonObject();
    }

    /** The metric's count in the report's copy of {@code /api/runs/1/metrics}. */
    private static long metricCount(JsonObject data, String metric) {
        JsonElement metrics = data.get("/api/runs/1/metrics");
        assertThat(metrics).as("the report holds the metrics table: %s", data.keySet()).isNotNull();
        for (JsonElement e : metrics.getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            if (o.get("name").getAsString().equals(metric)) {
                return o.getAsJsonObject("values").get("count").getAsLong();
            }
        }
        throw new AssertionError("no " + metric + " in the report's metrics: " + metrics);
    }

    @Test
    void aBusyPortThatWasAskedForEndsTheRunWithOneLineNamingItAndExitCode255() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            weft("1s", Map.of("K6_WEB_DASHBOARD", "true", "K6_WEB_DASHBOARD_PORT", Integer.toString(port)));

            int code = exit(Duration.ofSeconds(120));

            assertThat(code).as(output()).isEqualTo(255);
            List<String> errors = read("err.txt").lines().filter(l -> l.startsWith("ERRO")).toList();
            assertThat(errors).as(output()).hasSize(1);
            assertThat(errors.getFirst()).contains("127.0.0.1:" + port).contains("K6_WEB_DASHBOARD_PORT");
        }
    }

    @Test
    void aHostOffLoopbackIsRefusedBecauseTheDashboardHasNoLogin() throws Exception {
        weft("1s", Map.of("K6_WEB_DASHBOARD", "true", "K6_WEB_DASHBOARD_HOST", "0.0.0.0",
                "K6_WEB_DASHBOARD_PORT", "0"));

        int code = exit(Duration.ofSeconds(120));

        assertThat(code).as(output()).isEqualTo(104);
        assertThat(read("err.txt")).contains("host '0.0.0.0' is not a loopback address");
    }
}
