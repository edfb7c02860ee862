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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes per-second aggregates into {@code metric_series} / {@code metric_seconds}, merging
 * into rows that already exist (count, sum, min and max add up, histograms merge). Runs inside
 * the ingest transaction; callers serialise ingests of one run, so read-merge-write is safe.
 *
 * <p>Cardinality: a run keeps at most {@code seriesBudget} series (metric + tag set) of its
 * own. Past that, a new tag set of a metric is folded into the metric's one overflow series
 * (tags {@code {"weft_overflow":"true"}}): every sample is still counted, summed and in the
 * histogram, so totals and percentiles over the metric stay exact; only that tag set is not
 * kept apart. A batch is never refused for its series. Only past {@link #MAX_OVERFLOW_SERIES}
 * overflow series (that many distinct metric names beyond the budget) are samples lost, and
 * then counted as {@link LossReason#TOO_MANY_METRICS}. Every write also adds to the run's
 * {@code samples_received} and {@code overflow_samples}, whichever protocol brought the data.
 */
public final class MetricStore {
    /** Series a run keeps apart before folding new ones into overflow series. */
    public static final int DEFAULT_SERIES_BUDGET = 20_000;
    /** Overflow series (one per metric name) a run may have on top of its budget. */
    public static final int MAX_OVERFLOW_SERIES = 1_000;
    /** The tag set of every overflow series. */
    public static final Map<String, String> OVERFLOW_TAGS = Map.of("weft_overflow", "true");
    /** The {@code tags_key} of every overflow series (never a digest, which is 64 hex digits). */
    static final String OVERFLOW_TAGS_KEY = "overflow";

    private record Existing(long count, double sum, double min, double max, double last, byte[] histogram) { }

    private record Target(long seriesId, long second) { }

    /**
     * What one write did.
     *
     * @param samples         measured samples stored (overflow included)
     * @param overflowSamples of those, the ones folded into overflow series
     * @param lostSamples     samples not stored (past the overflow cap)
     * @param foldedMetrics   metrics whose new tag sets were folded in this write
     */
    public record WriteResult(long samples, long overflowSamples, long lostSamples, Set<String> foldedMetrics) {
    }

    private final int seriesBudget;

    public MetricStore() {
        this(DEFAULT_SERIES_BUDGET);
    }

    public MetricStore(int seriesBudget) {
        if (seriesBudget < 1) {
            throw new IllegalArgumentException("the series budget must be positive, got " + seriesBudget);
        }
        this.seriesBudget = seriesBudget;
    }

    public int seriesBudget() {
        return seriesBudget;
    }

    /** Merges the aggregates into the run's stored data and counts them on the run. */
    public WriteResult write(Connection c, long runId, Collection<SecondAggregate> aggregates) throws SQLException {
        Map<String, Long> series = seriesIds(c, runId);
        int overflowSeries = (int) series.keySet().stream().filter(k -> k.endsWith("\n" + OVERFLOW_TAGS_KEY)).count();
        int ownSeries = series.size() - overflowSeries;
        Map<Target, SecondAggregate> writes = new LinkedHashMap<>();
        long samples = 0;
        long folded = 0;
        long lost = 0;
        Set<String> foldedMetrics = new TreeSet<>();
        for (SecondAggregate a : aggregates) {
            Long id = series.get(a.metric() + "\n" + a.tagsKey());
            boolean fold = false;
            if (id == null && ownSeries < seriesBudget) {
                id = insertSeries(c, runId, a.metric(), a.type(), a.tagsKey(), a.tags());
                series.put(a.metric() + "\n" + a.tagsKey(), id);
                ownSeries++;
            } else if (id == null) {
                String key = a.metric() + "\n" + OVERFLOW_TAGS_KEY;
                id = series.get(key);
                if (id == null && overflowSeries < MAX_OVERFLOW_SERIES) {
                    id = insertSeries(c, runId, a.metric(), a.type(), OVERFLOW_TAGS_KEY, OVERFLOW_TAGS);
                    series.put(key, id);
                    overflowSeries++;
                }
                if (id == null) {
                    lost += a.count();
                    continue;
                }
                fold = true;
            }
            Target target = new Target(id, a.second());
            SecondAggregate into = writes.get(target);
            if (into == null && !fold) {
                writes.put(target, a);
            } else {
                if (into == null) {
                    into = new SecondAggregate(a.metric(), a.type(), OVERFLOW_TAGS, OVERFLOW_TAGS_KEY, a.second());
                    writes.put(target, into);
                }
                into.merge(a);
            }
            samples += a.count();
            if (fold) {
                folded += a.count();
                foldedMetrics.add(a.metric());
            }
        }
        store(c, runId, writes);
        countOnRun(c, runId, samples, folded);
        if (lost > 0) {
            SampleLosses.add(c, runId, LossReason.TOO_MANY_METRICS, 0, lost, "more than " + MAX_OVERFLOW_SERIES
                    + " metric names past the budget of " + seriesBudget + " series");
        }
        return new WriteResult(samples, folded, lost, foldedMetrics);
    }

    private static void store(Connection c, long runId, Map<Target, SecondAggregate> writes) throws SQLException {
        Rollups rollups = new Rollups(runId);
        try (PreparedStatement select = c.prepareStatement("SELECT sample_count, sum_value, min_value, max_value, "
                + "last_value, histogram FROM metric_seconds WHERE series_id = ? AND at_second = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO metric_seconds (series_id, at_second, "
                        + "sample_count, sum_value, min_value, max_value, last_value, histogram) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement update = c.prepareStatement("UPDATE metric_seconds SET sample_count = ?, sum_value = ?, "
                        + "min_value = ?, max_value = ?, last_value = ?, histogram = ? WHERE series_id = ? AND at_second = ?")) {
            int inserts = 0;
            for (Map.Entry<Target, SecondAggregate> w : writes.entrySet()) {
                long id = w.getKey().seriesId();
                SecondAggregate a = w.getValue();
                Existing old = existing(select, id, a.second());
                rollups.add(id, a, old == null ? 0 : old.last());
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
        rollups.store(c);
    }

    /**
     * Builds the rollups of a run stored before they were kept at ingest (its {@code rollups}
     * flag is 0), once: the first caller locks the run's row, builds them and sets the flag;
     * later callers find it set. Called by the analysis API before it reads a run.
     */
    public static void ensureRollups(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE test_runs SET rollups = 1 WHERE id = ? AND rollups = 0")) {
            ps.setLong(1, runId);
            if (ps.executeUpdate() == 1) {
                Rollups.rebuild(c, runId);
            }
        }
    }

    private static void countOnRun(Connection c, long runId, long samples, long folded) throws SQLException {
        if (samples == 0) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE test_runs SET samples_received = samples_received + ?, "
                + "overflow_samples = overflow_samples + ? WHERE id = ?")) {
            ps.setLong(1, samples);
            ps.setLong(2, folded);
            ps.setLong(3, runId);
            ps.executeUpdate();
        }
    }

    private static Existing existing(PreparedStatement select, long seriesId, long second) throws SQLException {
        select.setLong(1, seriesId);
        select.setLong(2, second);
        try (ResultSet rs = select.executeQuery()) {
            return rs.next() ? new Existing(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
                    rs.getBytes(6))
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

    private static long insertSeries(Connection c, long runId, String metric, String type, String tagsKey,
            Map<String, String> tags) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO metric_series (run_id, metric, metric_type, tags_key, tags) "
                + "VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, runId);
            ps.setString(2, metric);
            ps.setString(3, type);
            ps.setString(4, tagsKey);
            ps.setString(5, WireJson.GSON.toJson(new java.util.TreeMap<>(tags)));
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
