package dev.weft.cloud.metrics;

import dev.weft.cloud.wire.TrendDigest;
import dev.weft.cloud.wire.WireJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes per-second aggregates into {@code metric_series} / {@code metric_seconds}, merging
 * into rows that already exist (count, sum, min and max add up, histograms merge). Runs inside
 * the ingest transaction; callers serialise ingests of one run, so read-merge-write is safe.
 */
public final class MetricStore {
    /** A run with more distinct metric+tag series than this is refusing new ones. */
    public static final int MAX_SERIES_PER_RUN = 20_000;

    private record Existing(long count, double sum, double min, double max, byte[] histogram) { }

    /** Merges the aggregates into the run's stored data. */
    public void write(Connection c, long runId, Collection<SecondAggregate> aggregates)
            throws SQLException, BadSamplesException {
        Map<String, Long> series = seriesIds(c, runId);
        try (PreparedStatement select = c.prepareStatement("SELECT sample_count, sum_value, min_value, max_value, "
                + "histogram FROM metric_seconds WHERE series_id = ? AND at_second = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO metric_seconds (series_id, at_second, "
                        + "sample_count, sum_value, min_value, max_value, last_value, histogram) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement update = c.prepareStatement("UPDATE metric_seconds SET sample_count = ?, sum_value = ?, "
                        + "min_value = ?, max_value = ?, last_value = ?, histogram = ? WHERE series_id = ? AND at_second = ?")) {
            int inserts = 0;
            for (SecondAggregate a : aggregates) {
                String key = a.metric() + "\n" + a.tagsKey();
                Long id = series.get(key);
                if (id == null) {
                    if (series.size() >= MAX_SERIES_PER_RUN) {
                        throw new BadSamplesException("the run has " + MAX_SERIES_PER_RUN
                                + " metric series (metric + tag set); no more are accepted");
                    }
                    id = insertSeries(c, runId, a);
                    series.put(key, id);
                }
                Existing old = existing(select, id, a.second());
                if (old == null) {
                    bindInsert(insert, id, a);
                    insert.addBatch();
                    inserts++;
                } else {
                    bindUpdate(update, id, a, old);
                    update.executeUpdate();
                }
            }
            if (inserts > 0) {
                insert.executeBatch();
            }
        }
    }

    private static Existing existing(PreparedStatement select, long seriesId, long second) throws SQLException {
        select.setLong(1, seriesId);
        select.setLong(2, second);
        try (ResultSet rs = select.executeQuery()) {
            return rs.next() ? new Existing(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getBytes(5))
                    : null;
        }
    }

    private static void bindInsert(PreparedStatement ps, long seriesId, SecondAggregate a) throws SQLException {
        ps.setLong(1, seriesId);
        ps.setLong(2, a.second());
        ps.setLong(3, a.count());
        ps.setDouble(4, a.sum());
        ps.setDouble(5, a.min());
        ps.setDouble(6, a.max());
        ps.setDouble(7, a.last());
        setHistogram(ps, 8, a.digestOrNull());
    }

    private static void bindUpdate(PreparedStatement ps, long seriesId, SecondAggregate a, Existing old)
            throws SQLException {
        TrendDigest digest = a.digestOrNull();
        if (digest != null && old.histogram() != null) {
            TrendDigest merged = TrendDigest.fromBytes(old.histogram());
            merged.add(digest);
            digest = merged;
        } else if (digest == null && old.histogram() != null) {
            digest = TrendDigest.fromBytes(old.histogram());
        }
        ps.setLong(1, old.count() + a.count());
        ps.setDouble(2, old.sum() + a.sum());
        ps.setDouble(3, Math.min(old.min(), a.min()));
        ps.setDouble(4, Math.max(old.max(), a.max()));
        ps.setDouble(5, a.last());
        setHistogram(ps, 6, digest);
        ps.setLong(7, seriesId);
        ps.setLong(8, a.second());
    }

    private static Map<String, Long> seriesIds(Connection c, long runId) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, metric, tags_key FROM metric_series WHERE run_id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(2) + "\n" + rs.getString(3), rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static long insertSeries(Connection c, long runId, SecondAggregate a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO metric_series (run_id, metric, metric_type, tags_key, tags) "
                + "VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, runId);
            ps.setString(2, a.metric());
            ps.setString(3, a.type());
            ps.setString(4, a.tagsKey());
            ps.setString(5, WireJson.GSON.toJson(a.tags()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void setHistogram(PreparedStatement ps, int index, TrendDigest digest) throws SQLException {
        if (digest == null) {
            ps.setNull(index, Types.VARBINARY);
        } else {
            ps.setBytes(index, digest.toBytes());
        }
    }
}
