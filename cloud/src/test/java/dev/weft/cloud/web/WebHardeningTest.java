package dev.weft.cloud.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cloud.FakeClock;
import dev.weft.cloud.ResultsService;
import dev.weft.cloud.ServiceConfig;
import dev.weft.cloud.ServiceLimits;
import dev.weft.cloud.wire.ApiError;
import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.LoginRequest;
import dev.weft.cloud.wire.WireJson;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service as an attacker tries it: password guessing, cross-site posts, framing, cookies. */
class WebHardeningTest {
    private static final String EMAIL = "alice@example.com";
    private static final String PASSWORD = "correct horse";

    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock(Instant.ofEpochSecond(1_700_000_000L));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ResultsService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    private ResultsService start(ServiceConfig config) throws Exception {
        service = ResultsService.start(config);
        service.accounts().createUser(service.accounts().organisation("acme"), EMAIL, PASSWORD);
        return service;
    }

    private ServiceConfig config() {
        return ServiceConfig.defaults().withPort(0).withDatabase(ServiceConfig.defaultJdbcUrl(dir), null, null)
                .withSweepInterval(Duration.ofHours(1)).withPasswordIterations(1000).withClock(clock)
                .withLimits(ServiceLimits.defaults().withLoginThrottle(3, Duration.ofSeconds(30), Duration.ofMinutes(15)));
    }

    private HttpResponse<String> apiLogin(String password) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(local() + CloudApi.LOGIN_PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(WireJson.GSON.toJson(new LoginRequest(EMAIL, password)))));
    }

    private HttpResponse<String> formPost(String path, String origin, String cookie, Map<String, String> form)
            throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(local() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (origin != null) {
            b.header("Origin", origin);
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return send(b);
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(local() + path)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return send(b);
    }

    /** Where this test reaches the service, whatever public URL it was told. */
    private String local() {
        return "http://127.0.0.1:" + service.port();
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in through the form from the service's own origin and returns the session cookie. */
    private String session() throws Exception {
        HttpResponse<String> r = formPost("/login", service.baseUrl(), null, Map.of("email", EMAIL, "password", PASSWORD));
        assertThat(r.statusCode()).isEqualTo(303);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    @Test
    void wrongPasswordsInARowAreThrottledEvenForTheRightOneUntilTheWaitIsOver() throws Exception {
        start(config());
        for (int i = 0; i < 3; i++) {
            assertThat(apiLogin("guess " + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> throttled = apiLogin(PASSWORD);
        clock.advance(Duration.ofSeconds(31));
        HttpResponse<String> later = apiLogin(PASSWORD);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(WireJson.GSON.fromJson(throttled.body(), ApiError.class).error().message())
                .contains("too many failed logins");
        assertThat(later.statusCode()).as(later.body()).isEqualTo(200);
    }

    @Test
    void theLoginFormIsThrottledPerAddressAcrossAccounts() throws Exception {
        start(config());
        for (int i = 0; i < 3; i++) {
            formPost("/login", service.baseUrl(), null, Map.of("email", "nobody" + i + "@example.com", "password", "x"));
        }

        HttpResponse<String> r = formPost("/login", service.baseUrl(), null, Map.of("email", EMAIL, "password", PASSWORD));

        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.body()).contains("Too many failed logins");
    }

    @Test
    void anUnknownEmailCostsTheSamePasswordHashingAsAKnownOne() throws Exception {
        start(config().withPasswordIterations(300_000)
                .withLimits(ServiceLimits.defaults().withLoginThrottle(1000, Duration.ofSeconds(1), Duration.ofSeconds(1))));
        service.accounts().createUser(service.accounts().organisation("acme"), "bob@example.com", "pw");
        long known = Long.MAX_VALUE;
        long unknown = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            assertThat(service.accounts().byPassword("bob@example.com", "wrong")).isEmpty();
            long t1 = System.nanoTime();
            assertThat(service.accounts().byPassword("nobody" + i + "@example.com", "wrong")).isEmpty();
            long t2 = System.nanoTime();
            known = Math.min(known, t1 - t0);
            unknown = Math.min(unknown, t2 - t1);
        }

        // Lower bound only (a busy machine makes both slower, never the unknown one faster).
        assertThat(unknown).as("unknown %d ns vs known %d ns", unknown, known).isGreaterThan(known / 2);
    }

    @Test
    void sessionCookiesAreSecureWhenThePublicUrlIsHttps() throws Exception {
        start(config().withPublicUrl("https://results.example.test"));

        HttpResponse<String> r = formPost("/login", "https://results.example.test", null,
                Map.of("email", EMAIL, "password", PASSWORD));

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure").contains("HttpOnly")
                .contains("SameSite=Strict");
    }

    @Test
    void sessionCookiesOverPlainHttpAreNotMarkedSecure() throws Exception {
        start(config());

        HttpResponse<String> r = formPost("/login", service.baseUrl(), null, Map.of("email", EMAIL, "password", PASSWORD));

        assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).doesNotContain("Secure").contains("HttpOnly");
    }

    @Test
    void aLoginPostedFromAnotherSiteIsRefused() throws Exception {
        start(config());

        HttpResponse<String> r = formPost("/login", "http://evil.example", null, Map.of("email", EMAIL, "password", PASSWORD));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("cross-site form post from http://evil.example refused");
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void logoutIsAPostFromTheServicesOwnPages() throws Exception {
        start(config());
        String cookie = session();

        HttpResponse<String> viaGet = get("/logout", cookie);
        HttpResponse<String> crossSite = formPost("/logout", "http://evil.example", cookie, Map.of());
        int stillIn = get("/api/runs", cookie).statusCode();
        HttpResponse<String> own = formPost("/logout", service.baseUrl(), cookie, Map.of());

        assertThat(viaGet.statusCode()).isEqualTo(200);
        assertThat(viaGet.body()).contains("method=\"post\" action=\"/logout\"");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(stillIn).as("neither a GET nor a cross-site post logs out").isEqualTo(200);
        assertThat(own.statusCode()).isEqualTo(303);
        assertThat(get("/api/runs", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void pagesAndApiAnswersMayNotBeFramedAndLoadOnlyTheServicesOwnScripts() throws Exception {
        start(config());

        for (HttpResponse<String> r : new HttpResponse[] {get("/login", null), get("/api/runs", null), apiLogin("x")}) {
            assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("frame-ancestors 'none'").contains("script-src 'self'");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    @Test
    void theAnalysisPagesAndTheReportDownloadNeedALogin() throws Exception {
        start(config());
        for (String page : new String[] {"/projects", "/tests/1", "/compare?base=1&run=2", "/runs/1/report.html"}) {
            HttpResponse<String> r = get(page, null);
            assertThat(r.statusCode()).as(page).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).as(page).hasValue("/login");
        }
        String cookie = session();
        assertThat(get("/tests/first", cookie).body()).contains("unknown test 'first'");
        assertThat(get("/runs/99/report.html", cookie).statusCode()).isEqualTo(404);
        HttpResponse<String> uplot = get("/static/uplot.js", cookie);
        assertThat(uplot.statusCode()).isEqualTo(200);
        assertThat(uplot.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(get("/compare?base=1&run=2", cookie).body()).contains("/static/compare.js").contains("id=\"swap\"");
    }

    @Test
    void aRunsReportDownloadsAsOneFileNamedAfterTheRun() throws Exception {
        start(config());
        var p = service.accounts().createUser(service.accounts().organisation("acme"), "b@example.com", "pw");
        String token = service.accounts().createToken(p);
        String id = new dev.weft.cloud.ApiClient(service.baseUrl()).postJson(CloudApi.TESTS_PATH, token,
                new dev.weft.cloud.wire.TestRunRequest("shop", null, 1, Map.of(), 10))
                .as(dev.weft.cloud.wire.CreateTestRunResponse.class).referenceId();

        HttpResponse<String> r = get("/runs/" + id + "/report.html", session());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"weft-run-" + id + ".html\"");
        assertThat(r.body()).startsWith("<!DOCTYPE html>").contains("window.WEFT_DATA").contains("<span id=\"run-name\">shop</span>");
    }
}
