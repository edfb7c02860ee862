package dev.weft.cloud.metrics;

import dev.weft.cloud.store.Database;
import dev.weft.cloud.wire.TrendDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a run's per-second aggregates of the charted metrics, all tag sets of a metric folded
 * together (the {@code metric_rollup} rows ingest keeps), into {@link ChartSeries}; the charts
 * of the most recently read finished runs are kept. Called by the web app's request and live-update
 * threads; thread-safe.
 */
public final class ChartReader {
    private static final String METRICS = "'vus','http_reqs','http_req_duration','http_req_failed','checks','iterations'";

    /** Most finished runs whose charts are kept. */
    private static final int CACHED = 32;

    private final Database db;
    private final ReentrantLock lock = new ReentrantLock();
    /** Charts of runs that are over (they can no longer change), most recently read last. */
    private final LinkedHashMap<String, ChartSeries> finished = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ChartSeries> eldest) {
            return size() > CACHED;
        }
    };

    public ChartReader(Database db) {
        this.db = db;
    }

    /** A second's values of every charted metric, merged over tag sets. */
    private static final class Second {
        double vus = Double.NaN;
        double reqs;
        boolean hasReqs;
        long durationCount;
        double durationSum;
        TrendDigest durations;
        double durationMax;
        long failedCount;
        double failedSum;
        long checkCount;
        double checkSum;
        double iterations;
        boolean hasIterations;
    }

    /** The run's chart data from {@code fromSecond} (inclusive) on. */
    public ChartSeries read(long runId, long fromSecond) throws SQLException {
        Long over = ensureRollups(runId);
        String key = runId + " " + over + " " + fromSecond;
        if (over != null) {
            lock.lock();
            try {
                ChartSeries cached = finished.get(key);
                if (cached != null) {
                    return cached;
                }
            } finally {
                lock.unlock();
            }
        }
        ChartSeries series = readRollup(runId, fromSecond);
        if (over != null) {
            lock.lock();
            try {
                finished.put(key, series);
            } finally {
                lock.unlock();
            }
        }
        return series;
    }

    private ChartSeries readRollup(long runId, long fromSecond) throws SQLException {
        TreeMap<Long, Second> seconds = db.read(c -> {
            TreeMap<Long, Second> map = new TreeMap<>();
            // metric_rollup: one row per metric and second whatever the number of series
            try (PreparedStatement ps = c.prepareStatement("SELECT metric, at_second, sample_count, sum_value, "
                    + "max_value, last_value, histogram FROM metric_rollup "
                    + "WHERE run_id = ? AND metric IN (" + METRICS + ") AND slice = '' AND at_second >= ?")) {
                ps.setLong(1, runId);
                ps.setLong(2, fromSecond);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        add(map.computeIfAbsent(rs.getLong(2), k -> new Second()), rs);
                    }
                }
            }
            return map;
        });
        return toSeries(fromSecond, seconds);
    }

    /**
     * Builds the rollups of a run stored before they were kept at ingest (once per such run);
     * returns when the run ended (its data can no longer change), or null while it runs.
     */
    private Long ensureRollups(long runId) throws SQLException {
        Long[] ended = new Long[1];
        boolean missing = db.read(c -> {
            // ended_at is set exactly when a run is over (finished or timed out)
            try (PreparedStatement ps = c.prepareStatement("SELECT rollups, ended_at FROM test_runs WHERE id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    long at = rs.getLong(2);
                    ended[0] = rs.wasNull() ? null : at;
                    return rs.getInt(1) == 0;
                }
            }
        });
        if (missing) {
            db.inTransaction(c -> {
                MetricStore.ensureRollups(c, runId);
                return null;
            });
        }
        return ended[0];
    }

    private static void add(Second s, ResultSet rs) throws SQLException {
        long count = rs.getLong(3);
        double sum = rs.getDouble(4);
        switch (rs.getString(1)) {
            // One series per runner instance in a shared run (the output tags its gauges by
            // instance), so the run's VUs are the sum of each instance's latest value.
            case "vus" -> s.vus = Double.isNaN(s.vus) ? rs.getDouble(6) : s.vus + rs.getDouble(6);
            case "http_reqs" -> {
                s.reqs += sum;
                s.hasReqs = true;
            }
            case "http_req_duration" -> {
                s.durationCount += count;
                s.durationSum += sum;
                s.durationMax = Math.max(s.durationMax, rs.getDouble(5));
                byte[] h = rs.getBytes(7);
                if (h != null) {
                    if (s.durations == null) {
                        s.durations = new TrendDigest();
                    }
                    s.durations.addBytes(h);
                }
            }
            case "http_req_failed" -> {
                s.failedCount += count;
                s.failedSum += sum;
            }
            case "checks" -> {
                s.checkCount += count;
                s.checkSum += sum;
            }
            case "iterations" -> {
                s.iterations += sum;
                s.hasIterations = true;
            }
            default -> { }
        }
    }

    private static ChartSeries toSeries(long fromSecond, Map<Long, Second> seconds) {
        List<Long> at = new ArrayList<>();
        List<Double> vus = new ArrayList<>();
        List<Double> rps = new ArrayList<>();
        List<Double> avg = new ArrayList<>();
        List<Double> p95 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        List<Double> checks = new ArrayList<>();
        List<Double> iterations = new ArrayList<>();
        for (Map.Entry<Long, Second> e : seconds.entrySet()) {
            Second s = e.getValue();
            at.add(e.getKey());
            vus.add(Double.isNaN(s.vus) ? null : s.vus);
            rps.add(s.hasReqs ? s.reqs : null);
            boolean hasDurations = s.durationCount > 0;
            avg.add(hasDurations ? round(s.durationSum / s.durationCount) : null);
            p95.add(hasDurations ? round(percentile(s, 95)) : null);
            p99.add(hasDurations ? round(percentile(s, 99)) : null);
            // Boxed on purpose: a double/Double conditional would unbox the null and throw.
            errors.add(s.failedCount > 0 ? Double.valueOf(s.failedSum) : (s.hasReqs ? Double.valueOf(0) : null));
            checks.add(s.checkCount > 0 ? round(100.0 * s.checkSum / s.checkCount) : null);
            iterations.add(s.hasIterations ? s.iterations : null);
        }
        return new ChartSeries(fromSecond, at, vus, rps, avg, p95, p99, errors, checks, iterations);
    }

    private static double percentile(Second s, double p) {
        return s.durations == null ? s.durationMax : s.durations.percentile(p);
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
