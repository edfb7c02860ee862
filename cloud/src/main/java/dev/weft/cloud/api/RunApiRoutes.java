package dev.weft.cloud.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.weft.cloud.account.Principal;
import dev.weft.cloud.analysis.AnalysisRoutes;
import dev.weft.cloud.http.Responses;
import dev.weft.cloud.logs.LogRoutes;
import dev.weft.cloud.run.RunService;
import dev.weft.cloud.run.TestRun;
import dev.weft.cloud.summary.RunSummary;
import java.util.regex.Pattern;

/**
 * Everything under {@code /api}: {@code GET /api/runs/{id}/summary} (k6's summary-export shape,
 * token or session), {@code GET /api/runs/{id}/logs} (see {@link LogRoutes}), {@code POST
 * /api/runs/{id}/stop} (token only; see {@link RunService#stop}), the analysis API (handed to
 * {@link AnalysisRoutes} first), the web app's JSON endpoints (handed to {@code web}, which serves them),
 * and a JSON 404/405 for any other path or method, so an API client never gets a login page or
 * a redirect. Called on the server's virtual request threads.
 */
public final class RunApiRoutes extends JsonHandler {
    private static final Pattern SUMMARY = Pattern.compile("/api/runs/(\\d{1,18})/summary");
    private static final Pattern STOP = Pattern.compile("/api/runs/(\\d{1,18})/stop");
    private static final Pattern LOGS = Pattern.compile("/api/runs/(\\d{1,18})/logs");
    private static final Pattern WEB_JSON = Pattern.compile("/api/runs(/\\d{1,18}(/events)?)?");

    private final Authenticator auth;
    private final RunService runs;
    private final RunSummary summaries;
    private final HttpHandler web;
    private final AnalysisRoutes analysis;
    private final LogRoutes logs;

    public RunApiRoutes(Authenticator auth, RunService runs, RunSummary summaries, HttpHandler web,
            AnalysisRoutes analysis, LogRoutes logs) {
        this.logs = logs;
        this.auth = auth;
        this.runs = runs;
        this.summaries = summaries;
        this.web = web;
        this.analysis = analysis;
    }

    @Override
    void route(HttpExchange exchange, String path, String method) throws Exception {
        if (analysis.serve(exchange, path, method)) {
            return;
        }
        var summary = SUMMARY.matcher(path);
        if (summary.matches()) {
            require(method, "GET");
            Principal p = auth.byTokenOrSession(exchange);
            TestRun run = runs.find(p, runId(summary.group(1)));
            Responses.json(exchange, 200, summaries.of(run));
        } else if (LOGS.matcher(path).matches()) {
            require(method, "GET");
            var logsPath = LOGS.matcher(path);
            logsPath.matches();
            logs.serve(exchange, runs.find(auth.byTokenOrSession(exchange), runId(logsPath.group(1))));
        } else if (STOP.matcher(path).matches()) {
            // token only: a state change by cookie would need the web app's origin checks
            require(method, "POST");
            var stop = STOP.matcher(path);
            stop.matches();
            Responses.json(exchange, 200, RunJson.of(runs.stop(auth.byToken(exchange), runId(stop.group(1)))));
        } else if (WEB_JSON.matcher(path).matches()) {
            require(method, "GET");
            web.handle(exchange);
        } else {
            throw notFound(method, path);
        }
    }
}
