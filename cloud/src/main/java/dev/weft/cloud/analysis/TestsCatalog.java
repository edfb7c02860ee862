package dev.weft.cloud.analysis;

import dev.weft.cloud.account.Principal;
import dev.weft.cloud.api.RunJson;
import dev.weft.cloud.http.ApiException;
import dev.weft.cloud.run.RunService;
import dev.weft.cloud.run.TestRun;
import dev.weft.cloud.run.Tests;
import dev.weft.cloud.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/projects}, {@code /api/tests} and {@code /api/tests/{id}}: an organisation's
 * projects (0 is "Default", for runs created without a project id), its tests (runs of one
 * name within a project) and a test's runs, newest first, each with its trend figures (p95 of
 * http_req_duration, requests per second, failed-request share, thresholds passed, checks
 * passed). Thread-safe; called on request threads.
 */
final class TestsCatalog {
    /** Most runs of a test the test answer lists (the newest). */
    static final int MAX_RUNS = 100;
    private static final Set<String> TREND_METRICS = Set.of("http_reqs", "http_req_failed", "http_req_duration",
            "checks");

    private final Database db;
    private final RunService runs;
    private final AnswerCache<Map<String, Object>> trends = new AnswerCache<>();

    TestsCatalog(Database db, RunService runs) {
        this.db = db;
        this.runs = runs;
    }

    List<Map<String, Object>> projects(Principal p) throws SQLException {
        Map<Long, Long> tests = new java.util.TreeMap<>();
        tests.put(Tests.DEFAULT_PROJECT, 0L);
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT project_id, COUNT(*) FROM tests WHERE org_id = ? GROUP BY project_id")) {
                ps.setLong(1, p.orgId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tests.put(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
            return null;
        });
        List<Map<String, Object>> out = new ArrayList<>();
        tests.forEach((id, n) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("name", id == Tests.DEFAULT_PROJECT ? "Default" : "Project " + id);
            m.put("tests", n);
            out.add(m);
        });
        return out;
    }

    private record TestRow(long id, String name, long projectId, long runs, Long lastRunId) {
    }

    List<Map<String, Object>> tests(Principal p, Long project) throws SQLException, ApiException {
        List<TestRow> rows = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT t.id, t.name, t.project_id, "
                    + "(SELECT COUNT(*) FROM test_runs r WHERE r.test_id = t.id), "
                    + "(SELECT MAX(r.id) FROM test_runs r WHERE r.test_id = t.id) FROM tests t WHERE t.org_id = ?"
                    + (project == null ? "" : " AND t.project_id = ?"))) {
                ps.setLong(1, p.orgId());
                if (project != null) {
                    ps.setLong(2, project);
                }
                return testRows(ps);
            }
        });
        rows.sort((a, b) -> Long.compare(b.lastRunId() == null ? 0 : b.lastRunId(), a.lastRunId() == null ? 0 : a.lastRunId()));
        List<Map<String, Object>> out = new ArrayList<>();
        for (TestRow t : rows) {
            Map<String, Object> m = testJson(t);
            m.put("lastRun", t.lastRunId() == null ? null : RunJson.of(runs.find(p, t.lastRunId())));
            out.add(m);
        }
        return out;
    }

    Map<String, Object> test(Principal p, long id) throws SQLException, ApiException {
        List<TestRow> rows = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT t.id, t.name, t.project_id, "
                    + "(SELECT COUNT(*) FROM test_runs r WHERE r.test_id = t.id), "
                    + "(SELECT MAX(r.id) FROM test_runs r WHERE r.test_id = t.id) FROM tests t WHERE t.org_id = ? AND t.id = ?")) {
                ps.setLong(1, p.orgId());
                ps.setLong(2, id);
                return testRows(ps);
            }
        });
        if (rows.isEmpty()) {
            throw new ApiException(404, "unknown test '" + id + "'");
        }
        List<Long> ids = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM test_runs WHERE test_id = ? AND org_id = ? ORDER BY id DESC")) {
                ps.setLong(1, id);
                ps.setLong(2, p.orgId());
                ps.setMaxRows(MAX_RUNS);
                List<Long> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(rs.getLong(1));
                    }
                }
                return list;
            }
        });
        Map<String, Object> m = testJson(rows.get(0));
        List<Map<String, Object>> runList = new ArrayList<>();
        for (long runId : ids) {
            TestRun run = runs.find(p, runId);
            Map<String, Object> r = RunJson.of(run);
            String key = run.id() + " " + run.endedAt();
            Map<String, Object> trend = run.state() == dev.weft.cloud.run.RunState.RUNNING ? null : trends.get(key);
            if (trend == null) {
                trend = trend(run);
                if (run.state() != dev.weft.cloud.run.RunState.RUNNING) {
                    trends.put(key, trend);
                }
            }
            r.put("trend", trend);
            runList.add(r);
        }
        m.put("runs", runList);
        return m;
    }

    private static List<TestRow> testRows(PreparedStatement ps) throws SQLException {
        List<TestRow> list = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long last = rs.getLong(5);
                list.add(new TestRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.wasNull() ? null : last));
            }
        }
        return list;
    }

    private static Map<String, Object> testJson(TestRow t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("projectId", t.projectId());
        m.put("runs", t.runs());
        return m;
    }

    /** A run's figures for the test's trend charts. */
    Map<String, Object> trend(TestRun run) throws SQLException {
        RunData data = RunData.loadMetrics(db, run, RunFilter.NONE, TREND_METRICS, true);
        Map<String, Fold> m = data.byMetric();
        Map<String, Object> t = new LinkedHashMap<>();
        Fold duration = m.get("http_req_duration");
        t.put("p95Ms", duration == null ? null : Json.num(duration.percentile(95)));
        Fold reqs = m.get("http_reqs");
        t.put("reqRate", reqs == null ? null : Json.num(reqs.sum / data.seconds()));
        Fold failed = m.get("http_req_failed");
        t.put("failRate", failed == null ? null : Json.num(failed.ratio()));
        int total = 0;
        int passed = 0;
        for (Map.Entry<String, List<String>> e : run.thresholds().entrySet()) {
            for (String source : e.getValue()) {
                total++;
                Map<String, Boolean> r = run.thresholdResults() == null ? null : run.thresholdResults().get(e.getKey());
                if (r != null && Boolean.FALSE.equals(r.get(source))) {
                    passed++;
                }
            }
        }
        t.put("thresholdsPassed", run.thresholdResults() == null ? null : passed);
        t.put("thresholdsTotal", total);
        Fold checks = m.get("checks");
        t.put("checksPassRate", checks == null ? null : Json.num(checks.ratio()));
        return t;
    }
}
