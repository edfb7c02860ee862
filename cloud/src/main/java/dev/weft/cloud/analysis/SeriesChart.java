package dev.weft.cloud.analysis;

import dev.weft.cloud.http.ApiException;
import dev.weft.cloud.metrics.Rollups;
import dev.weft.cloud.run.TestRun;
import dev.weft.cloud.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code GET /api/runs/{id}/series}: one metric over time, downsampled in the service to at
 * most {@code points} buckets of whole seconds per line, one statistic per bucket. Without tag
 * filters or {@code by} it reads {@code metric_rollup} (one row per second whatever the
 * number of series; per scenario too, so a scenario filter or {@code by=scenario} is as
 * cheap); otherwise the matching series' seconds. {@code by=<tag>} gives one line
 * per value of that tag (the {@link #MAX_LINES} busiest; {@code "truncated": true} past them).
 * A gauge's value in a second is the sum over its series (the VUs of every runner instance);
 * a counter's {@code rate} is per second of the bucket; {@code count} is a counter's total or
 * the samples of the others. Buckets without data are left out. Stateless.
 */
final class SeriesChart {
    static final int DEFAULT_POINTS = 600;
    static final int MAX_POINTS = 2000;
    static final int MAX_LINES = 50;
    /** Series ids per query when reading their seconds. */
    static final int CHUNK = 200;
    static final Set<String> STATS = Set.of("avg", "min", "max", "med", "p(90)", "p(95)", "p(99)", "count", "rate",
            "value", "passes", "fails", "sum");

    private record Span(long start, long end, long step) {
        long bucket(long second) {
            return start + Math.floorDiv(second - start, step) * step;
        }

        double seconds(long bucket) {
            return Math.max(1, Math.min(step, end - bucket + 1));
        }
    }

    private SeriesChart() {
    }

    static Map<String, Object> of(Database db, TestRun run, RunFilter filter, String metric, String stat, String by,
            int points) throws SQLException, ApiException {
        if (stat != null && !STATS.contains(stat) && Fold.percentileOf(stat) == null) {
            throw new ApiException(400, "query parameter 'stat' must be one of " + new java.util.TreeSet<>(STATS)
                    + " or p(N), got '" + stat + "'");
        }
        if (points < 1 || points > MAX_POINTS) {
            throw new ApiException(400, "query parameter 'points' must be between 1 and " + MAX_POINTS + ", got " + points);
        }
        RunData.ensureRollups(db, run);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metric", metric);
        db.inTransaction(c -> {
            String type = type(c, run.id(), metric);
            String s = stat != null ? stat : defaultStat(type);
            out.put("stat", s);
            out.put("type", type);
            Span span = span(c, run, filter, metric, points);
            out.put("stepS", span == null ? 1 : span.step());
            List<Map<String, Object>> lines = new ArrayList<>();
            boolean truncated = false;
            if (span != null && type != null) {
                Map<String, Line> byLine = slices(filter, by) ? rollup(c, run.id(), metric, type, span, filter, by)
                        : raw(c, run.id(), metric, type, filter, by, span);
                List<Line> sorted = new ArrayList<>(byLine.values());
                sorted.sort(Comparator.comparingLong((Line l) -> l.samples).reversed().thenComparing(l -> l.label));
                truncated = sorted.size() > MAX_LINES;
                for (Line l : sorted.subList(0, Math.min(MAX_LINES, sorted.size()))) {
                    lines.add(l.json(s, span));
                }
            }
            out.put("lines", lines);
            out.put("truncated", truncated);
            return null;
        });
        return out;
    }

    static String defaultStat(String type) {
        if (type == null) {
            return "value";
        }
        return switch (type) {
            case "counter", "rate" -> "rate";
            case "gauge" -> "value";
            default -> "avg";
        };
    }

    private static final class Line {
        final String label;
        final Map<String, String> tags;
        final String type;
        final TreeMap<Long, Fold> buckets = new TreeMap<>();
        long samples;

        Line(String label, Map<String, String> tags, String type) {
            this.label = label;
            this.tags = tags;
            this.type = type;
        }

        Fold at(long bucket) {
            return buckets.computeIfAbsent(bucket, b -> new Fold(type));
        }

        Map<String, Object> json(String stat, Span span) {
            List<List<Object>> pts = new ArrayList<>(buckets.size());
            buckets.forEach((b, f) -> {
                double v = f.stat(stat, span.seconds(b));
                pts.add(List.of(b * 1000, Json.num(v) == null ? 0 : Json.num(v)));
            });
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", label);
            m.put("tags", tags);
            m.put("points", pts);
            return m;
        }
    }

    private static String type(Connection c, long runId, String metric) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT metric_type FROM metric_series WHERE run_id = ? AND metric = ?")) {
            ps.setLong(1, runId);
            ps.setString(2, metric);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The metric's seconds with data within the filter's range, cut into at most {@code points} steps. */
    private static Span span(Connection c, TestRun run, RunFilter filter, String metric, int points) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(at_second), MAX(at_second) FROM metric_rollup "
                + "WHERE run_id = ? AND metric = ? AND slice = '' AND at_second >= ? AND at_second <= ?")) {
            ps.setLong(1, run.id());
            ps.setString(2, metric);
            ps.setLong(3, filter.fromSecond());
            ps.setLong(4, filter.toSecond());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long first = rs.getLong(1);
                if (rs.wasNull()) {
                    return null;
                }
                long last = rs.getLong(2);
                long start = filter.fromSecond() != Long.MIN_VALUE ? filter.fromSecond() : first;
                long end = filter.toSecond() != Long.MAX_VALUE ? filter.toSecond() : last;
                long length = end - start + 1;
                long step = Math.max(1, (length + points - 1) / points);
                return new Span(start, end, step);
            }
        }
    }

    /**
     * Whether the rollup's slices answer: no tag filter but at most one scenario, and no
     * {@code by} but scenario.
     */
    private static boolean slices(RunFilter filter, String by) {
        Map<String, List<String>> tags = filter.tags();
        boolean scenarioOnly = tags.isEmpty()
                || tags.size() == 1 && tags.containsKey("scenario") && tags.get("scenario").size() == 1;
        return scenarioOnly && (by == null || by.equals("scenario"));
    }

    private static Map<String, Line> rollup(Connection c, long runId, String metric, String type, Span span,
            RunFilter filter, String by) throws SQLException {
        List<String> scenario = filter.tags().get("scenario");
        String slice = scenario != null ? Rollups.scenario(scenario.get(0)) : Rollups.ALL;
        boolean perScenario = "scenario".equals(by) && scenario == null;
        Map<String, Line> lines = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT slice, at_second, sample_count, sum_value, min_value, "
                + "max_value, last_value, histogram FROM metric_rollup WHERE run_id = ? AND metric = ? "
                + (perScenario ? "AND slice >= 'scenario:' AND slice < 'scenario;' " : "AND slice = ? ")
                + "AND at_second >= ? AND at_second <= ?")) {
            int i = 1;
            ps.setLong(i++, runId);
            ps.setString(i++, metric);
            if (!perScenario) {
                ps.setString(i++, slice);
            }
            ps.setLong(i++, span.start());
            ps.setLong(i, span.end());
            ps.setFetchSize(4000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1).startsWith("scenario:") ? rs.getString(1).substring(9) : "";
                    Line line = lines.computeIfAbsent(rs.getString(1), k -> by == null ? new Line(metric, Map.of(), type)
                            : new Line(name.isEmpty() ? "(none)" : name, Map.of(by, name), type));
                    long second = rs.getLong(2);
                    Fold f = line.at(span.bucket(second));
                    long n = rs.getLong(3);
                    line.samples += n;
                    if ("gauge".equals(type)) {
                        double v = rs.getDouble(7);
                        f.add(1, v, v, v, v, second, null);
                    } else {
                        f.add(n, rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), second,
                                rs.getBytes(8));
                    }
                }
            }
        }
        return lines;
    }

    private static Map<String, Line> raw(Connection c, long runId, String metric, String type, RunFilter filter,
            String by, Span span) throws SQLException {
        Map<Long, String> lineOf = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, tags FROM metric_series WHERE run_id = ? AND metric = ?")) {
            ps.setLong(1, runId);
            ps.setString(2, metric);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> tags = RunData.tags(rs.getString(2));
                    if (filter.matches(tags)) {
                        lineOf.put(rs.getLong(1), by == null ? metric : tags.getOrDefault(by, ""));
                    }
                }
            }
        }
        Map<String, Line> lines = new LinkedHashMap<>();
        // a gauge's seconds are summed over series first, then each second counts once
        Map<String, TreeMap<Long, Double>> gauges = new HashMap<>();
        List<Long> ids = new ArrayList<>(lineOf.keySet());
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            // by series id: each one an index range of metric_seconds' primary key
            try (PreparedStatement ps = c.prepareStatement("SELECT series_id, at_second, sample_count, sum_value, "
                    + "min_value, max_value, last_value, histogram FROM metric_seconds WHERE series_id IN ("
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"))
                    + ") AND at_second >= ? AND at_second <= ?")) {
                int i = 1;
                for (long id : chunk) {
                    ps.setLong(i++, id);
                }
                ps.setLong(i++, span.start());
                ps.setLong(i, span.end());
                ps.setFetchSize(4000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String label = lineOf.get(rs.getLong(1));
                        Line line = lines.computeIfAbsent(label, l -> new Line(by == null ? metric : l.isEmpty() ? "(none)" : l,
                                by == null ? Map.of() : Map.of(by, l), type));
                        long second = rs.getLong(2);
                        long n = rs.getLong(3);
                        line.samples += n;
                        if ("gauge".equals(type)) {
                            gauges.computeIfAbsent(label, l -> new TreeMap<>()).merge(second, rs.getDouble(7), Double::sum);
                        } else {
                            line.at(span.bucket(second)).add(n, rs.getDouble(4), rs.getDouble(5), rs.getDouble(6),
                                    rs.getDouble(7), second, rs.getBytes(8));
                        }
                    }
                }
            }
        }
        gauges.forEach((label, seconds) -> {
            Line line = lines.get(label);
            seconds.forEach((second, v) -> line.at(span.bucket(second)).add(1, v, v, v, v, second, null));
        });
        return lines;
    }
}
