package dev.weft.cloud.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.weft.cloud.account.AccountStore;
import dev.weft.cloud.account.PasswordLogin;
import dev.weft.cloud.account.Principal;
import dev.weft.cloud.account.Sessions;
import dev.weft.cloud.api.Authenticator;
import dev.weft.cloud.api.RunJson;
import dev.weft.cloud.http.ApiException;
import dev.weft.cloud.http.Failures;
import dev.weft.cloud.http.RequestBodies;
import dev.weft.cloud.http.Responses;
import dev.weft.cloud.metrics.ChartReader;
import dev.weft.cloud.run.RunService;
import dev.weft.cloud.report.HtmlReport;
import dev.weft.cloud.run.TestRun;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * Everything outside {@code /v1/}: pages, the pages' JSON and live-update endpoints, static
 * files. Pages need a session from the login form; the JSON endpoints also take an API token.
 * Called on the server's virtual request threads.
 */
public final class WebRoutes implements HttpHandler {
    private final Authenticator auth;
    private final AccountStore accounts;
    private final Sessions sessions;
    private final RunService runs;
    private final ChartReader charts;
    private final LiveUpdates live;
    private final RequestBodies bodies;
    private final Assets assets = new Assets();
    private final PasswordLogin logins;
    private final OriginCheck origins;
    private final boolean secureCookies;
    private final Supplier<HtmlReport> report;
    private static final String REPORT = "/report.html";

    /**
     * @param publicUrl where users reach the service; an https URL makes session cookies {@code Secure}
     * @param report the exported report of a run ({@code /runs/{id}/report.html}); a supplier because it
     *               answers through the {@code /api} handler, which is built after this one
     */
    public WebRoutes(Authenticator auth, AccountStore accounts, Sessions sessions, RunService runs,
            ChartReader charts, LiveUpdates live, RequestBodies bodies, PasswordLogin logins,
            Supplier<String> publicUrl, boolean secureCookies, Supplier<HtmlReport> report) {
        this.report = report;
        this.logins = logins;
        this.origins = new OriginCheck(publicUrl);
        this.secureCookies = secureCookies;
        this.auth = auth;
        this.accounts = accounts;
        this.sessions = sessions;
        this.runs = runs;
        this.charts = charts;
        this.live = live;
        this.bodies = bodies;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange, exchange.getRequestURI().getPath(), exchange.getRequestMethod());
        } catch (ApiException e) {
            Responses.error(exchange, e);
        } catch (SQLException | RuntimeException e) {
            Failures.answer(exchange, e);
        }
    }

    private void route(HttpExchange exchange, String path, String method) throws IOException, ApiException, SQLException {
        if (path.startsWith("/static/")) {
            Assets.Asset asset = assets.find(path);
            if (asset == null) {
                throw new ApiException(404, "no such file");
            }
            exchange.getResponseHeaders().set("Cache-Control", "max-age=300");
            Responses.send(exchange, 200, asset.contentType(), asset.bytes());
        } else if (path.equals("/login")) {
            login(exchange, method);
        } else if (path.equals("/logout")) {
            logout(exchange, method);
        } else if (path.startsWith("/api/")) {
            api(exchange, path);
        } else {
            Optional<Principal> p = auth.session(exchange);
            if (p.isEmpty()) {
                Responses.redirect(exchange, "/login");
            } else if (path.equals("/") || path.equals("/projects")) {
                Responses.html(exchange, 200, Pages.home());
            } else if (path.equals("/compare")) {
                Responses.html(exchange, 200, Pages.compare());
            } else if (path.startsWith("/tests/")) {
                String test = path.substring("/tests/".length());
                if (!test.matches("\\d{1,18}")) {
                    throw new ApiException(404, "unknown test '" + test + "'");
                }
                Responses.html(exchange, 200, Pages.test(Long.parseLong(test)));
            } else if (path.startsWith("/runs/") && path.endsWith(REPORT)) {
                TestRun run = runs.find(p.get(), id(path.substring("/runs/".length(), path.length() - REPORT.length())));
                byte[] html = report.get().render(p.get(), run.id()).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Disposition",
                        "attachment; filename=\"" + HtmlReport.fileName(run) + "\"");
                Responses.send(exchange, 200, "text/html; charset=utf-8", html);
            } else if (path.startsWith("/runs/")) {
                TestRun run = runs.find(p.get(), id(path.substring("/runs/".length())));
                Responses.html(exchange, 200, Pages.run(run));
            } else {
                throw new ApiException(404, "no such page");
            }
        }
    }

    private void api(HttpExchange exchange, String path) throws IOException, ApiException, SQLException {
        Principal p = auth.byTokenOrSession(exchange);
        if (path.equals("/api/runs")) {
            Responses.json(exchange, 200, Map.of("runs", runs.list(p).stream().map(RunJson::of).toList()));
            return;
        }
        String rest = path.substring("/api/runs/".length());
        boolean events = rest.endsWith("/events");
        TestRun run = runs.find(p, id(events ? rest.substring(0, rest.length() - "/events".length()) : rest));
        if (events) {
            live.stream(exchange, p, run.id());
        } else {
            Map<String, Object> body = new HashMap<>();
            body.put("run", RunJson.of(run));
            body.put("charts", charts.read(run.id(), 0));
            Responses.json(exchange, 200, body);
        }
    }

    private void login(HttpExchange exchange, String method) throws IOException, ApiException, SQLException {
        if (!method.equals("POST")) {
            Responses.html(exchange, 200, Pages.login(null));
            return;
        }
        requireSameOrigin(exchange);
        Map<String, String> form = form(bodies.text(exchange));
        String address = exchange.getRemoteAddress().getAddress().getHostAddress();
        switch (logins.login(form.get("email"), form.get("password"), address)) {
            case PasswordLogin.Success s -> {
                exchange.getResponseHeaders().add("Set-Cookie",
                        Authenticator.cookieHeader(sessions.open(s.principal()), secureCookies));
                Responses.redirect(exchange, "/");
            }
            case PasswordLogin.Wrong w -> Responses.html(exchange, 401, Pages.login("Wrong email or password."));
            case PasswordLogin.Throttled t -> {
                exchange.getResponseHeaders().set("Retry-After", Long.toString(t.seconds()));
                Responses.html(exchange, 429, Pages.login("Too many failed logins; try again in " + t.seconds() + " s."));
            }
        }
    }

    /** Logging out changes state, so it is a POST from the service's own page; a GET shows the button. */
    private void logout(HttpExchange exchange, String method) throws IOException, ApiException {
        if (!method.equals("POST")) {
            Responses.html(exchange, 200, Pages.logout());
            return;
        }
        requireSameOrigin(exchange);
        sessions.close(Authenticator.sessionId(exchange));
        exchange.getResponseHeaders().add("Set-Cookie", Sessions.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                + (secureCookies ? "; Secure" : ""));
        Responses.redirect(exchange, "/login");
    }

    private void requireSameOrigin(HttpExchange exchange) throws IOException, ApiException {
        String refusal = origins.refusal(exchange);
        if (refusal != null) {
            bodies.text(exchange);
            throw new ApiException(403, refusal);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> m = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    private static long id(String text) throws ApiException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ApiException(404, "unknown test run '" + text + "'");
        }
    }
}
