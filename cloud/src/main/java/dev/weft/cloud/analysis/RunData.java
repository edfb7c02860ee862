package dev.weft.cloud.analysis;

import com.google.gson.reflect.TypeToken;
import dev.weft.cloud.metrics.MetricStore;
import dev.weft.cloud.run.TestRun;
import dev.weft.cloud.store.Database;
import dev.weft.cloud.wire.WireJson;
import java.lang.reflect.Type;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A run's series that match a filter, each folded over the filter's time range: read from
 * {@code series_totals} (one row per series) when the whole run is wanted, else from
 * {@code metric_seconds} within the range, series by series. What the tables (metrics, HTTP, checks, stats,
 * thresholds) are made of. Immutable once loaded; owned by one request.
 */
final class RunData {
    private static final Type TAGS = new TypeToken<Map<String, String>>() { }.getType();

    /** A metric with one tag set within the run. */
    record Series(long id, String metric, String type, Map<String, String> tags) {
    }

    /** A series folded over the time range. */
    record Row(Series series, Fold fold) {
    }

    final TestRun run;
    final RunFilter filter;
    final List<Row> rows;
    /** Per slice ('' or 'scenario:NAME'), each metric folded from metric_rollup; null when read per series. */
    private final Map<String, Map<String, Fold>> slices;

    private RunData(TestRun run, RunFilter filter, List<Row> rows) {
        this(run, filter, rows, null);
    }

    private RunData(TestRun run, RunFilter filter, List<Row> rows, Map<String, Map<String, Fold>> slices) {
        this.run = run;
        this.filter = filter;
        this.rows = rows;
        this.slices = slices;
    }

    /** Whether the per-metric rollups answer for this filter: no tag filter but at most one scenario. */
    static boolean sliceable(RunFilter filter) {
        Map<String, List<String>> tags = filter.tags();
        return tags.isEmpty() || tags.size() == 1 && tags.containsKey("scenario") && tags.get("scenario").size() == 1;
    }

    /**
     * Per-metric folds only (what the tiles, the metrics table and scenario thresholds need):
     * when {@link #sliceable}, the whole run from {@code metric_totals} (one row per metric and
     * slice) or a time range from {@code metric_rollup} (one row per metric, slice and second),
     * else as {@link #load}. {@link #rows} is empty in the first case.
     */
    static RunData loadMetrics(Database db, TestRun run, RunFilter filter, Set<String> metrics, boolean histograms)
            throws SQLException {
        if (!sliceable(filter)) {
            return load(db, run, filter, metrics, histograms);
        }
        ensureRollups(db, run);
        Map<String, Map<String, Fold>> slices = db.inTransaction(c -> {
            Map<String, String> types = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT metric, metric_type FROM metric_series "
                    + "WHERE run_id = ?")) {
                ps.setLong(1, run.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        types.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            Map<String, Map<String, Fold>> out = new HashMap<>();
            String h = histograms ? "histogram" : "NULL";
            // the whole run: metric_totals, one row per metric and slice; a time range: metric_rollup's seconds
            try (PreparedStatement ps = c.prepareStatement(!filter.hasTime()
                    ? "SELECT slice, metric, last_second, sample_count, sum_value, min_value, max_value, last_value, " + h
                            + " FROM metric_totals WHERE run_id = ?"
                    : "SELECT slice, metric, at_second, sample_count, sum_value, min_value, max_value, last_value, " + h
                            + " FROM metric_rollup WHERE run_id = ? AND at_second >= ? AND at_second <= ?")) {
                ps.setLong(1, run.id());
                if (filter.hasTime()) {
                    ps.setLong(2, filter.fromSecond());
                    ps.setLong(3, filter.toSecond());
                }
                ps.setFetchSize(5000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String metric = rs.getString(2);
                        String type = types.get(metric);
                        if (type == null || !metrics.isEmpty() && !metrics.contains(metric)) {
                            continue;
                        }
                        out.computeIfAbsent(rs.getString(1), k -> new java.util.TreeMap<>())
                                .computeIfAbsent(metric, m -> new Fold(type))
                                .add(rs.getLong(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8),
                                        rs.getLong(3), rs.getBytes(9));
                    }
                }
            }
            return out;
        });
        return new RunData(run, filter, List.of(), slices);
    }

    private String slice() {
        List<String> scenario = filter.tags().get("scenario");
        return scenario == null ? dev.weft.cloud.metrics.Rollups.ALL : dev.weft.cloud.metrics.Rollups.scenario(scenario.get(0));
    }

    /**
     * Loads the rows of the metrics named (all when {@code metrics} is empty); trends'
     * histograms only when {@code histograms}.
     */
    static RunData load(Database db, TestRun run, RunFilter filter, Set<String> metrics, boolean histograms)
            throws SQLException {
        ensureRollups(db, run);
        String only = metrics.isEmpty() ? "" : " AND s.metric IN ("
                + metrics.stream().map(m -> "?").collect(Collectors.joining(", ")) + ")";
        String h = histograms ? "x.histogram" : "NULL";
        List<Row> rows = db.inTransaction(c -> {
            if (!filter.hasTime()) {
                return read(c, run.id(), metrics, filter, "SELECT s.id, s.metric, s.metric_type, s.tags, x.last_second, "
                        + "x.sample_count, x.sum_value, x.min_value, x.max_value, x.last_value, " + h
                        + " FROM metric_series s JOIN series_totals x ON x.series_id = s.id WHERE s.run_id = ?" + only);
            }
            return inRange(c, run.id(), metrics, filter, histograms);
        });
        return new RunData(run, filter, rows);
    }

    /** The matching series folded over the filter's seconds, read series by series (primary key ranges). */
    private static List<Row> inRange(Connection c, long runId, Set<String> metrics, RunFilter filter, boolean histograms)
            throws SQLException {
        Map<Long, Row> byId = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, metric, metric_type, tags FROM metric_series "
                + "WHERE run_id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!metrics.isEmpty() && !metrics.contains(rs.getString(2))) {
                        continue;
                    }
                    Map<String, String> tags = tags(rs.getString(4));
                    if (filter.matches(tags)) {
                        String type = rs.getString(3);
                        byId.put(rs.getLong(1), new Row(new Series(rs.getLong(1), rs.getString(2), type, tags), new Fold(type)));
                    }
                }
            }
        }
        List<Long> ids = new ArrayList<>(byId.keySet());
        for (int from = 0; from < ids.size(); from += SeriesChart.CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + SeriesChart.CHUNK));
            try (PreparedStatement ps = c.prepareStatement("SELECT series_id, at_second, sample_count, sum_value, min_value, "
                    + "max_value, last_value, " + (histograms ? "histogram" : "NULL") + " FROM metric_seconds WHERE series_id IN ("
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"))
                    + ") AND at_second >= ? AND at_second <= ?")) {
                int i = 1;
                for (long id : chunk) {
                    ps.setLong(i++, id);
                }
                ps.setLong(i++, filter.fromSecond());
                ps.setLong(i, filter.toSecond());
                ps.setFetchSize(5000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byId.get(rs.getLong(1)).fold().add(rs.getLong(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6),
                                rs.getDouble(7), rs.getLong(2), rs.getBytes(8));
                    }
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Row r : byId.values()) {
            if (r.fold().count > 0) {
                rows.add(r);
            }
        }
        return rows;
    }

    /** Builds the rollups of a run stored before they were kept (once per such run). */
    static void ensureRollups(Database db, TestRun run) throws SQLException {
        if (!run.rollups()) {
            db.inTransaction(c -> {
                MetricStore.ensureRollups(c, run.id());
                return null;
            });
        }
    }

    private static List<Row> read(Connection c, long runId, Set<String> metrics, RunFilter filter, String sql)
            throws SQLException {
        Map<Long, Row> byId = new LinkedHashMap<>();
        Map<Long, Boolean> skip = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setLong(i++, runId);
            for (String m : metrics) {
                ps.setString(i++, m);
            }
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (skip.containsKey(id)) {
                        continue;
                    }
                    Row row = byId.get(id);
                    if (row == null) {
                        Map<String, String> tags = tags(rs.getString(4));
                        if (!filter.matches(tags)) {
                            skip.put(id, true);
                            continue;
                        }
                        String type = rs.getString(3);
                        row = new Row(new Series(id, rs.getString(2), type, tags), new Fold(type));
                        byId.put(id, row);
                    }
                    row.fold().add(rs.getLong(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10),
                            rs.getLong(5), rs.getBytes(11));
                }
            }
        }
        return new ArrayList<>(byId.values());
    }

    /** From the rollup: a selector of no tags or one scenario (else null: not known from slices). */
    private Fold slicedMetric(String name, Map<String, String> selector) {
        if (selector.isEmpty()) {
            return byMetric().get(name);
        }
        if (selector.size() != 1 || !selector.containsKey("scenario")) {
            return null;
        }
        List<String> scenario = filter.tags().get("scenario");
        if (scenario != null && !scenario.get(0).equals(selector.get("scenario"))) {
            return null;
        }
        return slices.getOrDefault(dev.weft.cloud.metrics.Rollups.scenario(selector.get("scenario")), Map.of()).get(name);
    }

    /** Whether every threshold's selector is one {@link #loadMetrics} can answer. */
    static boolean slicesAnswer(Set<Map<String, String>> selectors) {
        return selectors.stream().allMatch(s -> s.isEmpty() || s.size() == 1 && s.containsKey("scenario"));
    }

    static Map<String, String> tags(String json) {
        Map<String, String> tags = json == null ? null : WireJson.GSON.fromJson(json, TAGS);
        return tags == null ? Map.of() : tags;
    }

    /**
     * Seconds the counters' rates are per: the runner's test duration when its finish call said it
     * (Weft's runner: so the rates equal its summary's), else the run's wall time; within the
     * filter's range.
     */
    double seconds() {
        return seconds(run, filter);
    }

    static double seconds(TestRun run, RunFilter filter) {
        double end = (run.endedAt() != null ? run.endedAt() : run.lastDataAt()) / 1000.0;
        double start = run.testDurationMs() != null && run.endedAt() != null
                ? end - run.testDurationMs() / 1000.0 : run.createdAt() / 1000.0;
        if (filter.fromSecond() != Long.MIN_VALUE) {
            start = Math.max(start, filter.fromSecond());
        }
        if (filter.toSecond() != Long.MAX_VALUE) {
            end = Math.min(end, filter.toSecond() + 1.0);
        }
        return Math.max(1e-3, end - start);
    }

    /** Each metric folded over its rows, by name. */
    Map<String, Fold> byMetric() {
        if (slices != null) {
            return slices.getOrDefault(slice(), Map.of());
        }
        Map<String, Fold> out = new java.util.TreeMap<>();
        for (Row r : rows) {
            out.computeIfAbsent(r.series().metric(), m -> new Fold(r.series().type())).add(r.fold());
        }
        return out;
    }

    /** One metric folded over the rows whose tags also match {@code selector}. */
    Fold metric(String name, Map<String, String> selector) {
        if (slices != null) {
            return slicedMetric(name, selector);
        }
        Fold f = null;
        RunFilter extra = RunFilter.NONE.and(selector);
        for (Row r : rows) {
            if (r.series().metric().equals(name) && extra.matches(r.series().tags())) {
                if (f == null) {
                    f = new Fold(r.series().type());
                }
                f.add(r.fold());
            }
        }
        return f;
    }
}
