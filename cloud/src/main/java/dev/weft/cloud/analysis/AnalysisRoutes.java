package dev.weft.cloud.analysis;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.sun.net.httpserver.HttpExchange;
import dev.weft.cloud.account.Principal;
import dev.weft.cloud.api.Authenticator;
import dev.weft.cloud.http.ApiException;
import dev.weft.cloud.http.Responses;
import dev.weft.cloud.run.RunService;
import dev.weft.cloud.run.RunState;
import dev.weft.cloud.run.TestRun;
import dev.weft.cloud.store.Database;
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The analysis API under {@code /api} (see README "Analysis API"): projects and tests, a run's
 * tiles, thresholds with observed values, checks by group, HTTP table, metrics table, tag
 * values, downsampled series, comparison of two runs and CSV/JSON exports. Every endpoint
 * takes the session cookie or an API token; a run or test of another organisation is a 404;
 * an unknown query parameter a 400 naming it. {@code RunApiRoutes} hands every {@code /api}
 * request here first ({@link #serve}). Thread-safe; called on the server's request threads.
 */
public final class AnalysisRoutes {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
    private static final Pattern RUN = Pattern.compile(
            "/api/runs/(\\d{1,18})/(header|stats|thresholds|checks|http|metrics|tags|series)");
    private static final Pattern EXPORT = Pattern.compile("/api/runs/(\\d{1,18})/export/(summary|http)\\.(csv|json)");
    private static final Pattern TEST = Pattern.compile("/api/tests/(\\d{1,18})");

    private final Database db;
    private final Authenticator auth;
    private final RunService runs;
    private final TestsCatalog tests;
    private final AnswerCache<String> cache = new AnswerCache<>();

    public AnalysisRoutes(Database db, Authenticator auth, RunService runs) {
        this.db = db;
        this.auth = auth;
        this.runs = runs;
        this.tests = new TestsCatalog(db, runs);
    }

    /** Answers the request when the path is one of the analysis API's; false (nothing sent) otherwise. */
    public boolean serve(HttpExchange exchange, String path, String method) throws IOException, ApiException, SQLException {
        Matcher run = RUN.matcher(path);
        Matcher export = EXPORT.matcher(path);
        Matcher test = TEST.matcher(path);
        boolean ours = run.matches() || export.matches() || test.matches() || path.equals("/api/projects")
                || path.equals("/api/tests") || path.equals("/api/compare");
        if (!ours) {
            return false;
        }
        if (!method.equals("GET")) {
            throw new ApiException(405, "use GET");
        }
        Principal p = auth.byTokenOrSession(exchange);
        Query q = Query.of(exchange.getRequestURI());
        if (run.matches()) {
            TestRun r = runs.find(p, Long.parseLong(run.group(1)));
            // the key names the run's end, so an answer given while it ran is never reused
            String key = r.id() + " " + r.endedAt() + " " + exchange.getRequestURI().getRawPath() + "?"
                    + exchange.getRequestURI().getRawQuery();
            // the header is not kept: a push refused after the end still adds to its losses
            boolean keep = r.state() != RunState.RUNNING && !run.group(2).equals("header");
            String cached = keep ? cache.get(key) : null;
            if (cached == null) {
                cached = GSON.toJson(runAnswer(r, run.group(2), q));
                if (keep) {
                    cache.put(key, cached);
                }
            }
            Responses.send(exchange, 200, "application/json; charset=utf-8", cached);
        } else if (export.matches()) {
            export(exchange, runs.find(p, Long.parseLong(export.group(1))), export.group(2), export.group(3), q);
        } else if (test.matches()) {
            q.allow(false, Set.of());
            json(exchange, tests.test(p, Long.parseLong(test.group(1))));
        } else if (path.equals("/api/projects")) {
            q.allow(false, Set.of());
            json(exchange, tests.projects(p));
        } else if (path.equals("/api/tests")) {
            q.allow(false, Set.of("project"));
            long project = q.number("project", -1);
            json(exchange, tests.tests(p, project < 0 ? null : project));
        } else {
            q.allow(true, Set.of("base", "run"));
            RunFilter f = RunFilter.of(q);
            TestRun base = runs.find(p, id(q.required("base"), "base"));
            TestRun other = runs.find(p, id(q.required("run"), "run"));
            json(exchange, RunComparison.of(RunData.load(db, base, f, Set.of(), true), RunData.load(db, other, f, Set.of(), true)));
        }
        return true;
    }

    private Object runAnswer(TestRun r, String what, Query q) throws SQLException, ApiException {
        switch (what) {
            case "header" -> {
                // what /api/runs/{id} answers without its legacy per-second charts: cheap on a long run
                q.allow(false, Set.of());
                return Map.of("run", dev.weft.cloud.api.RunJson.of(r));
            }
            case "tags" -> {
                q.allow(false, Set.of());
                return TagValues.of(db, r);
            }
            case "thresholds" -> {
                q.allow(true, Set.of());
                RunFilter f = RunFilter.of(q);
                Set<String> metrics = ThresholdValues.metrics(r.thresholds());
                return ThresholdValues.of(RunData.slicesAnswer(ThresholdValues.selectors(r.thresholds()))
                        ? RunData.loadMetrics(db, r, f, metrics, true) : RunData.load(db, r, f, metrics, true));
            }
            case "series" -> {
                q.allow(true, Set.of("metric", "stat", "by", "points"));
                return SeriesChart.of(db, r, RunFilter.of(q), q.required("metric"), q.one("stat"), q.one("by"),
                        (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE,
                                q.number("points", SeriesChart.DEFAULT_POINTS))));
            }
            default -> {
                q.allow(true, Set.of());
                RunFilter f = RunFilter.of(q);
                return switch (what) {
                    case "stats" -> StatTiles.of(db, RunData.loadMetrics(db, r, f, StatTiles.METRICS, true));
                    case "checks" -> ChecksTree.of(RunData.load(db, r, f, Set.of("checks"), false));
                    case "http" -> HttpTable.of(RunData.load(db, r, f, HttpTable.METRICS, true));
                    default -> MetricsTable.of(RunData.loadMetrics(db, r, f, Set.of(), true));
                };
            }
        }
    }

    private void export(HttpExchange exchange, TestRun r, String what, String format, Query q)
            throws IOException, SQLException, ApiException {
        q.allow(true, Set.of());
        RunFilter f = RunFilter.of(q);
        String body;
        if (what.equals("http")) {
            List<Map<String, Object>> rows = HttpTable.of(RunData.load(db, r, f, HttpTable.METRICS, true));
            body = format.equals("csv") ? Exports.httpCsv(rows) : GSON.toJson(rows);
        } else {
            RunData data = RunData.load(db, r, f, Set.of(), true);
            List<Map<String, Object>> metrics = MetricsTable.of(data);
            if (format.equals("csv")) {
                body = Exports.summaryCsv(metrics);
            } else {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("run", dev.weft.cloud.api.RunJson.of(r));
                out.put("stats", StatTiles.of(db, data));
                out.put("metrics", metrics);
                out.put("thresholds", ThresholdValues.of(data));
                out.put("checks", ChecksTree.of(data));
                body = GSON.toJson(out);
            }
        }
        // only a download that is there says "attachment"; an error stays a JSON answer
        exchange.getResponseHeaders().set("Content-Disposition",
                "attachment; filename=\"run-" + r.id() + "-" + what + "." + format + "\"");
        Responses.send(exchange, 200, format.equals("csv") ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
                body);
    }

    private static long id(String text, String key) throws ApiException {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new ApiException(400, "query parameter '" + key + "' must be a run id, got '" + text + "'");
        }
    }

    private static void json(HttpExchange exchange, Object body) throws IOException {
        Responses.send(exchange, 200, "application/json; charset=utf-8", GSON.toJson(body));
    }
}
