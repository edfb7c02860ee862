package dev.weft.cloud.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cloud.ApiClient;
import dev.weft.cloud.FakeClock;
import dev.weft.cloud.ResultsService;
import dev.weft.cloud.ServiceConfig;
import dev.weft.cloud.account.Principal;
import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.CreateTestRunResponse;
import dev.weft.cloud.wire.TestFinishedRequest;
import dev.weft.cloud.wire.TestRunRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web app in real headless Chromium: log in, see a run Running, watch its chart grow as
 * data streams in, see it turn Finished; a timed-out run shows red. Skips (with the reason)
 * where Chromium or its driver is not installed; CI installs Debian's chromium and
 * chromium-driver.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAppBrowserTest {
    private static final long T0_MICROS = 1_700_000_000_000_000L;

    Path dir;

    FakeClock clock;
    ResultsService service;
    ApiClient api;
    String token;
    Chromium chromium;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void startBrowser(@TempDir Path dir) throws Exception {
        this.dir = dir;
        chromium = Chromium.start(dir.resolve("chromium-profile"));
        browser = chromium.driver;
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    /** A fresh service (database, clock, user) per test; the browser is the class's, logged out. */
    @BeforeEach
    void start() throws Exception {
        clock = new FakeClock(Instant.ofEpochSecond(1_700_000_000L));
        service = ResultsService.start(ServiceConfig.defaults().withPort(0)
                .withDatabase(ServiceConfig.defaultJdbcUrl(Files.createTempDirectory(dir, "db").resolve("db")), null, null)
                .withRunTimeout(Duration.ofMinutes(2)).withSweepInterval(Duration.ofHours(1))
                .withLiveInterval(Duration.ofMillis(200)).withPasswordIterations(1000).withClock(clock)
                .withLimits(dev.weft.cloud.ServiceLimits.defaults().withSeriesBudget(3)));
        Principal p = service.accounts().createUser(service.accounts().organisation("acme"), "alice@example.com", "secret");
        token = service.accounts().createToken(p);
        api = new ApiClient(service.baseUrl());
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.manage().deleteAllCookies();
        }
        if (service != null) {
            service.close();
        }
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private String createRun(String name) throws Exception {
        return api.postJson(CloudApi.TESTS_PATH, token, new TestRunRequest(name, null, 5,
                Map.of("http_req_duration", List.of("p(95)<500")), 30)).as(CreateTestRunResponse.class).referenceId();
    }

    private void push(String id, int second, int requests) throws Exception {
        long t = T0_MICROS + second * 1_000_000L;
        String body = """
                [{"type":"Point","metric":"vus","data":{"time":"%d","type":"gauge","tags":{},"value":5}},
                 {"type":"Point","metric":"http_reqs","data":{"time":"%d","type":"counter","tags":{},"value":%d}},
                 {"type":"Point","metric":"http_req_duration","data":{"time":"%d","type":"trend","tags":{},"value":42}}]"""
                .formatted(t, t, requests, t);
        assertThat(api.postGzip(CloudApi.METRICS_PATH_PREFIX + id, token, body, Map.of()).status()).isEqualTo(200);
    }

    private void logIn() {
        browser.get(service.baseUrl() + "/");
        wait.until(d -> d.getCurrentUrl().endsWith("/login"));
        browser.findElement(By.id("email")).sendKeys("alice@example.com");
        browser.findElement(By.id("password")).sendKeys("secret");
        browser.findElement(By.id("login")).click();
        wait.until(d -> d.getCurrentUrl().equals(service.baseUrl() + "/"));
    }

    private String badge(String runId) {
        var found = browser.findElements(By.cssSelector("#run-" + runId + " .badge"));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    private int points(String chart) {
        return Integer.parseInt(browser.findElement(By.id("box-" + chart)).getDomAttribute("data-points"));
    }

    private void screenshot(String name) throws java.io.IOException {
        chromium.screenshot(name);
    }

    @Test
    void aStreamingRunShowsRunningWithAGrowingChartThenFinished() throws Exception {
        String id = createRun("browser smoke");
        push(id, 0, 10);
        logIn();

        wait.until(d -> badge(id).equals("Running"));
        assertThat(browser.findElement(By.cssSelector("#run-" + id + " .badge")).getAttribute("class")).contains("running");

        browser.get(service.baseUrl() + "/runs/" + id);
        wait.until(d -> points("overview") >= 1);
        int before = points("overview");
        push(id, 1, 12);
        push(id, 2, 14);
        wait.until(d -> points("overview") >= before + 2);
        wait.until(d -> d.findElement(By.cssSelector("#tile-requests .value")).getText().equals("36"));
        screenshot("run-page-running");
        assertThat(browser.findElement(By.id("run-state")).getText()).isEqualTo("Running");

        api.postJson(CloudApi.TEST_PATH_PREFIX + id, token, new TestFinishedRequest(0, 3,
                Map.of("http_req_duration", Map.of("p(95)<500", false))));
        wait.until(d -> d.findElement(By.id("run-state")).getText().equals("Finished"));
        assertThat(browser.findElement(By.id("thresholds")).getText()).contains("p(95)<500").contains("passed");

        browser.get(service.baseUrl() + "/");
        wait.until(d -> badge(id).equals("Finished"));
        assertThat(browser.findElement(By.cssSelector("#run-" + id + " .badge")).getAttribute("class")).contains("finished");
    }

    @Test
    void aRunWithoutDataTurnsTimedOutInTheList() throws Exception {
        String id = createRun("browser timeout");
        logIn();
        wait.until(d -> badge(id).equals("Running"));

        clock.advance(Duration.ofMinutes(3));
        service.sweepTimeouts();

        wait.until(d -> badge(id).equals("Timed out"));
        assertThat(browser.findElement(By.cssSelector("#run-" + id + " .badge")).getAttribute("class")).contains("timed_out");
    }

    @Test
    void aWrongPasswordStaysOnTheLoginForm() {
        browser.get(service.baseUrl() + "/login");
        browser.findElement(By.id("email")).sendKeys("alice@example.com");
        browser.findElement(By.id("password")).sendKeys("wrong");
        browser.findElement(By.id("login")).click();

        wait.until(d -> !d.findElements(By.id("login-error")).isEmpty());
        browser.get(service.baseUrl() + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
    }

    @Test
    void aRunThatReceivedNothingSaysNoDataInTheListAndOnItsPage() throws Exception {
        String id = createRun("browser empty");
        api.postJson(CloudApi.TEST_PATH_PREFIX + id, token, new TestFinishedRequest(0, 3, Map.of()));
        logIn();

        wait.until(d -> badge(id).equals("Finished"));
        assertThat(browser.findElement(By.cssSelector("#run-" + id + " td:nth-child(4)")).getText()).isEqualTo("no data");
        browser.get(service.baseUrl() + "/runs/" + id);
        wait.until(d -> d.findElement(By.id("result")).getText().equals("no data"));
        assertThat(browser.findElement(By.id("samples")).getText()).isEqualTo("0 samples");
    }

    @Test
    void theRunPageShowsOverflowSeriesAndLostSamplesWithTheirReasons() throws Exception {
        String id = createRun("browser losses");
        push(id, 0, 10);
        long t = T0_MICROS + 1_000_000L;
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 5; i++) {
            many.append(i == 0 ? "" : ",").append("""
                    {"type":"Point","metric":"http_req_duration","data":{"time":"%d","type":"trend","tags":{"url":"/%d"},"value":7}}"""
                    .formatted(t, i));
        }
        assertThat(api.postGzip(CloudApi.METRICS_PATH_PREFIX + id, token, many.append("]").toString(), Map.of()).status())
                .isEqualTo(200);
        assertThat(api.postGzip(CloudApi.METRICS_PATH_PREFIX + id, token, "[{\"type\":", Map.of(
                CloudApi.SAMPLE_COUNT_HEADER, "40")).status()).isEqualTo(400);
        api.postJson(CloudApi.TEST_PATH_PREFIX + id, token, new TestFinishedRequest(0, 3, Map.of(), 60L));
        logIn();

        browser.get(service.baseUrl() + "/runs/" + id);
        wait.until(d -> d.findElement(By.id("result")).getText().equals("passed"));
        screenshot("run-page-losses");
        assertThat(browser.findElement(By.id("overflow")).getText())
                .contains("5 samples past the series budget went into one overflow series per metric");
        assertThat(browser.findElement(By.id("lost-total")).getText()).isEqualTo("100 samples lost");
        assertThat(browser.findElement(By.id("loss-list")).getText())
                .contains("40 samples in 1 batches: refused as malformed")
                .contains("60 samples in 0 batches: dropped by the runner before delivery");
    }

    @Test
    void theLogOutButtonPostsAndEndsTheSession() throws Exception {
        logIn();

        browser.findElement(By.id("logout")).click();

        wait.until(d -> d.getCurrentUrl().endsWith("/login"));
        browser.get(service.baseUrl() + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
    }
}
