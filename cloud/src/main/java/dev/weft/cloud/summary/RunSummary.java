package dev.weft.cloud.summary;

import com.google.gson.reflect.TypeToken;
import dev.weft.cloud.run.TestRun;
import dev.weft.cloud.store.Database;
import dev.weft.cloud.wire.WireJson;
import java.lang.reflect.Type;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/runs/{id}/summary}: a stored run in the shape of k6's {@code --summary-export}
 * (legacy) JSON: every metric, custom ones included, folded over all its tag sets — counters
 * {@code count, rate}, gauges {@code value, min, max}, rates {@code passes, fails, value},
 * trends {@code avg, min, med, max, p(90), p(95), p(99)} from the merged histograms — with
 * {@code thresholds: {source: failed}} from the finish call, and the root group with its
 * groups and checks (passes, fails) rebuilt from tags. Counters' {@code rate} is per second of
 * the run's wall time (created to ended, or to the last data while running). Thread-safe;
 * called on request threads.
 */
public final class RunSummary {
    private static final Type TAGS = new TypeToken<Map<String, String>>() { }.getType();

    private final Database db;

    public RunSummary(Database db) {
        this.db = db;
    }

    /** The summary of a run the caller may see (the caller checked the organisation). */
    public Map<String, Object> of(TestRun run) throws SQLException {
        Map<String, MetricTotals> metrics = new TreeMap<>();
        SummaryGroups groups = new SummaryGroups();
        // a transaction so PostgreSQL's driver streams the rows (fetch size) instead of loading a long run whole
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT s.metric, s.metric_type, s.tags, m.at_second, "
                    + "m.sample_count, m.sum_value, m.min_value, m.max_value, m.last_value, m.histogram "
                    + "FROM metric_series s JOIN metric_seconds m ON m.series_id = s.id WHERE s.run_id = ?")) {
                ps.setLong(1, run.id());
                ps.setFetchSize(2000);
                try (ResultSet rs = ps.executeQuery()) {
                    Map<String, Map<String, String>> tagsByText = new LinkedHashMap<>();
                    while (rs.next()) {
                        String metric = rs.getString(1);
                        String type = rs.getString(2);
                        Map<String, String> tags = tagsByText.computeIfAbsent(rs.getString(3),
                                t -> WireJson.GSON.fromJson(t, TAGS));
                        long count = rs.getLong(5);
                        double sum = rs.getDouble(6);
                        metrics.computeIfAbsent(metric, m -> new MetricTotals(type)).add(rs.getLong(4), count, sum,
                                rs.getDouble(7), rs.getDouble(8), rs.getDouble(9), rs.getBytes(10));
                        String group = tags == null ? null : tags.get("group");
                        groups.group(group);
                        if (metric.equals("checks") && tags.containsKey("check")) {
                            long passes = Math.round(sum);
                            groups.check(group, tags.get("check"), passes, count - passes);
                        }
                    }
                }
            }
            return null;
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("root_group", groups.toJson());
        Map<String, Object> metricJson = new LinkedHashMap<>();
        double seconds = Math.max(1e-3, ((run.endedAt() != null ? run.endedAt() : run.lastDataAt()) - run.createdAt())
                / 1000.0);
        Map<String, Map<String, Boolean>> results = run.thresholdResults();
        metrics.forEach((name, t) -> {
            Map<String, Object> values = values(t, seconds);
            Map<String, Boolean> thresholds = thresholds(run, results, name);
            if (!thresholds.isEmpty()) {
                values.put("thresholds", thresholds);
            }
            metricJson.put(name, values);
        });
        out.put("metrics", metricJson);
        return out;
    }

    private static Map<String, Boolean> thresholds(TestRun run, Map<String, Map<String, Boolean>> results, String name) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        if (run.thresholds() != null && run.thresholds().get(name) != null) {
            for (String source : run.thresholds().get(name)) {
                out.put(source, false);
            }
        }
        if (results != null && results.get(name) != null) {
            out.putAll(results.get(name));
        }
        return out;
    }

    private static Map<String, Object> values(MetricTotals t, double seconds) {
        Map<String, Object> v = new LinkedHashMap<>();
        switch (t.type) {
            case "counter" -> {
                v.put("count", t.sum);
                v.put("rate", t.sum / seconds);
            }
            case "gauge" -> {
                v.put("value", t.last);
                v.put("min", t.min);
                v.put("max", t.max);
            }
            case "rate" -> {
                long passes = Math.round(t.sum);
                v.put("passes", passes);
                v.put("fails", t.count - passes);
                v.put("value", t.count == 0 ? 0 : t.sum / t.count);
            }
            default -> {
                v.put("avg", t.count == 0 ? 0 : t.sum / t.count);
                v.put("min", t.count == 0 ? 0 : t.min);
                v.put("med", within(t, t.percentile(50)));
                v.put("max", t.count == 0 ? 0 : t.max);
                v.put("p(90)", within(t, t.percentile(90)));
                v.put("p(95)", within(t, t.percentile(95)));
                v.put("p(99)", within(t, t.percentile(99)));
            }
        }
        return v;
    }

    /** A histogram's bucket can reach past the exact min or max; the summary never does. */
    private static double within(MetricTotals t, double value) {
        return t.count == 0 ? 0 : Math.min(t.max, Math.max(t.min, value));
    }
}
