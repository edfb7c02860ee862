package dev.weft.cloud.analysis;

import dev.weft.cloud.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/runs/{id}/stats}: the run page's tiles — requests, failure share, p95 of
 * http_req_duration, peak VUs, iterations, data sent and received, checks passed and failed.
 * Peak VUs is the highest per-second sum of the vus gauges (every runner instance's) within
 * the time range; the vus gauge carries no scenario or other tags, so tag filters leave it as
 * is. Stateless.
 */
final class StatTiles {
    static final Set<String> METRICS = Set.of("http_reqs", "http_req_failed", "http_req_duration", "iterations",
            "data_sent", "data_received", "checks");

    private StatTiles() {
    }

    static Map<String, Object> of(Database db, RunData data) throws SQLException {
        Map<String, Fold> m = data.byMetric();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requests", Math.round(sum(m, "http_reqs")));
        Fold failed = m.get("http_req_failed");
        out.put("failedRate", Json.num(failed == null ? 0 : failed.ratio()));
        Fold duration = m.get("http_req_duration");
        out.put("p95Ms", duration == null ? null : Json.num(duration.percentile(95)));
        out.put("peakVus", peakVus(db, data));
        out.put("iterations", Math.round(sum(m, "iterations")));
        out.put("dataSent", Math.round(sum(m, "data_sent")));
        out.put("dataReceived", Math.round(sum(m, "data_received")));
        Fold checks = m.get("checks");
        out.put("checksPassed", checks == null ? 0 : checks.passes());
        out.put("checksFailed", checks == null ? 0 : checks.fails());
        return out;
    }

    private static double sum(Map<String, Fold> m, String metric) {
        Fold f = m.get(metric);
        return f == null ? 0 : f.sum;
    }

    static Long peakVus(Database db, RunData data) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(last_value) FROM metric_rollup "
                    + "WHERE run_id = ? AND metric = 'vus' AND slice = '' AND at_second >= ? AND at_second <= ?")) {
                ps.setLong(1, data.run.id());
                ps.setLong(2, data.filter.fromSecond());
                ps.setLong(3, data.filter.toSecond());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    double v = rs.getDouble(1);
                    return rs.wasNull() ? null : Math.round(v);
                }
            }
        });
    }
}
