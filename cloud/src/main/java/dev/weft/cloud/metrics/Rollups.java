package dev.weft.cloud.metrics;

import dev.weft.cloud.wire.TrendDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one ingest adds to a run's rollups: {@code series_totals} (each series over the whole
 * run), {@code metric_rollup} (each metric over its tag sets, per second) and
 * {@code metric_totals} (each metric over the whole run), each metric also per scenario, so the analysis
 * API reads one row per series or per second instead of one per series and second. Filled by
 * {@link MetricStore} while it writes a batch's seconds, stored in the same transaction.
 * Mutable; owned by one ingest.
 */
public final class Rollups {
    /** A sum of aggregates: the same folding {@code metric_seconds} rows get. */
    static final class Part {
        long count;
        double sum;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double last;
        long lastSecond = Long.MIN_VALUE;
        TrendDigest digest;

        void add(SecondAggregate a, double lastDelta) {
            count += a.count();
            sum += a.sum();
            min = Math.min(min, a.min());
            max = Math.max(max, a.max());
            last += lastDelta;
            if (a.digestOrNull() != null) {
                if (digest == null) {
                    digest = new TrendDigest();
                }
                digest.add(a.digestOrNull());
            }
        }

        void latest(SecondAggregate a) {
            if (a.second() >= lastSecond) {
                lastSecond = a.second();
                last = a.last();
            }
        }
    }

    /** A rollup row's key: the metric, its slice ('' for all series, 'scenario:NAME' for one scenario's) and second. */
    private record MetricSecond(String metric, String slice, long second) {
    }

    /** The slice of every series of a metric. */
    public static final String ALL = "";

    /** The slice of one scenario's series. */
    public static String scenario(String name) {
        return "scenario:" + name;
    }

    private final long runId;
    private final Map<Long, Part> series = new LinkedHashMap<>();
    private final Map<MetricSecond, Part> metrics = new LinkedHashMap<>();
    /** Per metric and slice over the whole run (second is 0 in the key). */
    private final Map<MetricSecond, Part> totals = new LinkedHashMap<>();

    Rollups(long runId) {
        this.runId = runId;
    }

    /**
     * Adds one series' second as written; {@code oldLast} is the latest value that second
     * held before (0 when it is new), so a gauge's per-second sum over series stays right
     * when a second arrives in two batches.
     */
    void add(long seriesId, SecondAggregate a, double oldLast) {
        Part s = series.computeIfAbsent(seriesId, id -> new Part());
        s.add(a, 0);
        s.latest(a);
        metrics.computeIfAbsent(new MetricSecond(a.metric(), ALL, a.second()), k -> new Part()).add(a, a.last() - oldLast);
        Part all = totals.computeIfAbsent(new MetricSecond(a.metric(), ALL, 0), k -> new Part());
        all.add(a, 0);
        all.latest(a);
        String scenario = a.tags() == null ? null : a.tags().get("scenario");
        if (scenario != null && !scenario.isEmpty()) {
            metrics.computeIfAbsent(new MetricSecond(a.metric(), scenario(scenario), a.second()), k -> new Part())
                    .add(a, a.last() - oldLast);
            Part one = totals.computeIfAbsent(new MetricSecond(a.metric(), scenario(scenario), 0), k -> new Part());
            one.add(a, 0);
            one.latest(a);
        }
    }

    void store(Connection c) throws SQLException {
        storeSeries(c);
        storeMetrics(c);
        storeTotals(c);
    }

    private void storeTotals(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT sample_count, sum_value, min_value, max_value, "
                + "last_value, last_second, histogram FROM metric_totals WHERE run_id = ? AND metric = ? AND slice = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO metric_totals (run_id, metric, slice, sample_count, "
                        + "sum_value, min_value, max_value, last_value, last_second, histogram) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement update = c.prepareStatement("UPDATE metric_totals SET sample_count = ?, sum_value = ?, "
                        + "min_value = ?, max_value = ?, last_value = ?, last_second = ?, histogram = ? "
                        + "WHERE run_id = ? AND metric = ? AND slice = ?")) {
            for (Map.Entry<MetricSecond, Part> e : totals.entrySet()) {
                Part p = e.getValue();
                MetricSecond k = e.getKey();
                select.setLong(1, runId);
                select.setString(2, k.metric());
                select.setString(3, k.slice());
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        insert.setLong(1, runId);
                        insert.setString(2, k.metric());
                        insert.setString(3, k.slice());
                        insert.setLong(4, p.count);
                        insert.setDouble(5, p.sum);
                        insert.setDouble(6, p.min);
                        insert.setDouble(7, p.max);
                        insert.setDouble(8, p.last);
                        insert.setLong(9, p.lastSecond);
                        histogram(insert, 10, p.digest);
                        insert.executeUpdate();
                        continue;
                    }
                    boolean later = p.lastSecond >= rs.getLong(6);
                    update.setLong(1, rs.getLong(1) + p.count);
                    update.setDouble(2, rs.getDouble(2) + p.sum);
                    update.setDouble(3, Math.min(rs.getDouble(3), p.min));
                    update.setDouble(4, Math.max(rs.getDouble(4), p.max));
                    update.setDouble(5, later ? p.last : rs.getDouble(5));
                    update.setLong(6, later ? p.lastSecond : rs.getLong(6));
                    histogram(update, 7, merged(rs.getBytes(7), p.digest));
                    update.setLong(8, runId);
                    update.setString(9, k.metric());
                    update.setString(10, k.slice());
                    update.executeUpdate();
                }
            }
        }
    }

    /** A series_totals row as stored. */
    private record Stored(long count, double sum, double min, double max, double last, long lastSecond, byte[] histogram) {
    }

    /** Series whose totals one statement reads. */
    private static final int CHUNK = 500;

    private void storeSeries(Connection c) throws SQLException {
        Map<Long, Stored> stored = new java.util.HashMap<>();
        List<Long> ids = new ArrayList<>(series.keySet());
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            try (PreparedStatement select = c.prepareStatement("SELECT series_id, sample_count, sum_value, min_value, "
                    + "max_value, last_value, last_second, histogram FROM series_totals WHERE series_id IN ("
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")")) {
                for (int k = 0; k < chunk.size(); k++) {
                    select.setLong(k + 1, chunk.get(k));
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        stored.put(rs.getLong(1), new Stored(rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
                                rs.getDouble(6), rs.getLong(7), rs.getBytes(8)));
                    }
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO series_totals (series_id, run_id, sample_count, "
                        + "sum_value, min_value, max_value, last_value, last_second, histogram) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement update = c.prepareStatement("UPDATE series_totals SET sample_count = ?, sum_value = ?, "
                        + "min_value = ?, max_value = ?, last_value = ?, last_second = ?, histogram = ? WHERE series_id = ?")) {
            int inserts = 0;
            int updates = 0;
            for (Map.Entry<Long, Part> e : series.entrySet()) {
                Part p = e.getValue();
                Stored old = stored.get(e.getKey());
                if (old == null) {
                    insert.setLong(1, e.getKey());
                    insert.setLong(2, runId);
                    insert.setLong(3, p.count);
                    insert.setDouble(4, p.sum);
                    insert.setDouble(5, p.min);
                    insert.setDouble(6, p.max);
                    insert.setDouble(7, p.last);
                    insert.setLong(8, p.lastSecond);
                    histogram(insert, 9, p.digest);
                    insert.addBatch();
                    inserts++;
                    continue;
                }
                boolean later = p.lastSecond >= old.lastSecond();
                update.setLong(1, old.count() + p.count);
                update.setDouble(2, old.sum() + p.sum);
                update.setDouble(3, Math.min(old.min(), p.min));
                update.setDouble(4, Math.max(old.max(), p.max));
                update.setDouble(5, later ? p.last : old.last());
                update.setLong(6, later ? p.lastSecond : old.lastSecond());
                histogram(update, 7, merged(old.histogram(), p.digest));
                update.setLong(8, e.getKey());
                update.addBatch();
                updates++;
            }
            if (inserts > 0) {
                insert.executeBatch();
            }
            if (updates > 0) {
                update.executeBatch();
            }
        }
    }

    private void storeMetrics(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT sample_count, sum_value, min_value, max_value, "
                + "last_value, histogram FROM metric_rollup WHERE run_id = ? AND metric = ? AND slice = ? AND at_second = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO metric_rollup (run_id, metric, slice, at_second, "
                        + "sample_count, sum_value, min_value, max_value, last_value, histogram) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement update = c.prepareStatement("UPDATE metric_rollup SET sample_count = ?, sum_value = ?, "
                        + "min_value = ?, max_value = ?, last_value = ?, histogram = ? "
                        + "WHERE run_id = ? AND metric = ? AND slice = ? AND at_second = ?")) {
            int inserts = 0;
            int updates = 0;
            for (Map.Entry<MetricSecond, Part> e : metrics.entrySet()) {
                Part p = e.getValue();
                MetricSecond k = e.getKey();
                select.setLong(1, runId);
                select.setString(2, k.metric());
                select.setString(3, k.slice());
                select.setLong(4, k.second());
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        insert.setLong(1, runId);
                        insert.setString(2, k.metric());
                        insert.setString(3, k.slice());
                        insert.setLong(4, k.second());
                        insert.setLong(5, p.count);
                        insert.setDouble(6, p.sum);
                        insert.setDouble(7, p.min);
                        insert.setDouble(8, p.max);
                        insert.setDouble(9, p.last);
                        histogram(insert, 10, p.digest);
                        insert.addBatch();
                        inserts++;
                        continue;
                    }
                    update.setLong(1, rs.getLong(1) + p.count);
                    update.setDouble(2, rs.getDouble(2) + p.sum);
                    update.setDouble(3, Math.min(rs.getDouble(3), p.min));
                    update.setDouble(4, Math.max(rs.getDouble(4), p.max));
                    update.setDouble(5, rs.getDouble(5) + p.last);
                    histogram(update, 6, merged(rs.getBytes(6), p.digest));
                    update.setLong(7, runId);
                    update.setString(8, k.metric());
                    update.setString(9, k.slice());
                    update.setLong(10, k.second());
                    update.addBatch();
                    updates++;
                }
            }
            if (inserts > 0) {
                insert.executeBatch();
            }
            if (updates > 0) {
                update.executeBatch();
            }
        }
    }

    private static Map<String, String> tags(String json) {
        Map<String, String> tags = json == null ? null
                : dev.weft.cloud.wire.WireJson.GSON.fromJson(json, new com.google.gson.reflect.TypeToken<Map<String, String>>() { }
                        .getType());
        return tags == null ? Map.of() : tags;
    }

    /** The stored histogram with {@code added} merged in, as bytes (untouched when nothing is added). */
    /**
     * Builds the rollups of a run stored before they existed from its {@code metric_seconds}
     * (called once per such run, in the caller's transaction, with the run's row locked).
     */
    static void rebuild(Connection c, long runId) throws SQLException {
        for (String table : new String[] {"series_totals", "metric_rollup", "metric_totals"}) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
                ps.setLong(1, runId);
                ps.executeUpdate();
            }
        }
        Rollups rollups = new Rollups(runId);
        Map<String, Map<String, String>> tagsByText = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT s.id, s.metric, s.metric_type, m.at_second, m.sample_count, "
                + "m.sum_value, m.min_value, m.max_value, m.last_value, m.histogram, s.tags FROM metric_series s "
                + "JOIN metric_seconds m ON m.series_id = s.id WHERE s.run_id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> tags = tagsByText.computeIfAbsent(rs.getString(11), Rollups::tags);
                    SecondAggregate a = new SecondAggregate(rs.getString(2), rs.getString(3), tags, "", rs.getLong(4));
                    a.addSummary(rs.getLong(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9));
                    byte[] h = rs.getBytes(10);
                    if (h != null) {
                        a.addDigest(TrendDigest.fromBytes(h));
                    }
                    rollups.add(rs.getLong(1), a, 0);
                }
            }
        }
        rollups.store(c);
    }

    private static byte[] merged(byte[] old, TrendDigest added) {
        if (added == null) {
            return old;
        }
        if (old == null) {
            return added.toBytes();
        }
        TrendDigest d = TrendDigest.fromBytes(old);
        d.add(added);
        return d.toBytes();
    }

    private static void histogram(PreparedStatement ps, int index, TrendDigest digest) throws SQLException {
        histogram(ps, index, digest == null ? null : digest.toBytes());
    }

    private static void histogram(PreparedStatement ps, int index, byte[] bytes) throws SQLException {
        if (bytes == null) {
            ps.setNull(index, Types.VARBINARY);
        } else {
            ps.setBytes(index, bytes);
        }
    }
}
