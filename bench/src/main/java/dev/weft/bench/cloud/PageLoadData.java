package dev.weft.bench.cloud;

import dev.weft.cloud.wire.TrendDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a long run with many series straight into the results service's tables, as its ingest
 * would have left them ({@code metric_series}, {@code metric_seconds} and the rollups
 * {@code series_totals}, {@code metric_rollup} and {@code metric_totals} with their per-scenario slices),
 * without going through HTTP: a shop test
 * with endpoints of two scenarios, each with k6's nine HTTP metrics (seven timing trends,
 * http_reqs, http_req_failed), checks every tenth endpoint (one failing group), and the
 * run-wide vus, iterations, data and iteration_duration series. Every series has data in
 * every {@code every}-th second; each endpoint makes 4 requests in such a second. Trend
 * seconds are drawn from 16 templates so histograms are built once and merged by counts.
 * Called once by {@link PageLoadBench} on its main thread.
 */
final class PageLoadData {
    private static final String[] TRENDS = {"http_req_duration", "http_req_waiting", "http_req_blocked",
        "http_req_connecting", "http_req_tls_handshaking", "http_req_sending", "http_req_receiving"};
    private static final double[] TREND_SCALE = {1.0, 0.82, 0.02, 0.01, 0.015, 0.002, 0.15};
    private static final int TEMPLATES = 16;
    private static final int PER_SECOND = 4;

    /** One series to write: its metric, type, tags and how its seconds look. */
    private record Spec(String metric, String type, Map<String, String> tags, double base, boolean failing) {
    }

    private record Totals(long samples, long rows) {
    }

    private final long runId;
    private final long firstSecond;
    private final int seconds;
    private final int every;
    private final List<Spec> specs = new ArrayList<>();

    PageLoadData(long runId, long firstSecond, int seconds, int series, int every) {
        this.runId = runId;
        this.firstSecond = firstSecond;
        this.seconds = seconds;
        this.every = every;
        plan(series);
    }

    int seriesCount() {
        return specs.size();
    }

    private void plan(int series) {
        List<Spec> runWide = new ArrayList<>();
        runWide.add(new Spec("vus", "gauge", Map.of(), 100, false));
        for (String scenario : List.of("browse", "api")) {
            runWide.add(new Spec("iterations", "counter", Map.of("scenario", scenario), 2, false));
            runWide.add(new Spec("data_sent", "counter", Map.of("scenario", scenario), 1800, false));
            runWide.add(new Spec("data_received", "counter", Map.of("scenario", scenario), 52_000, false));
            runWide.add(new Spec("iteration_duration", "trend", Map.of("scenario", scenario), 900, false));
        }
        int endpoint = 0;
        while (specs.size() + runWide.size() < series) {
            String scenario = endpoint % 2 == 0 ? "browse" : "api";
            String group = endpoint % 3 == 0 ? "::checkout" : "";
            String url = "https://shop.test/" + scenario + "/item/" + endpoint;
            String status = endpoint % 50 == 49 ? "500" : "200";
            Map<String, String> tags = Map.of("scenario", scenario, "group", group, "url", url, "name", url,
                    "method", endpoint % 4 == 3 ? "POST" : "GET", "status", status, "proto", "HTTP/1.1",
                    "expected_response", status.equals("200") ? "true" : "false");
            double base = 20 + (endpoint * 37 % 480);
            boolean failing = status.equals("500");
            List<Spec> mine = new ArrayList<>();
            mine.add(new Spec("http_reqs", "counter", tags, 1, failing));
            mine.add(new Spec("http_req_failed", "rate", tags, 1, failing));
            for (int t = 0; t < TRENDS.length; t++) {
                mine.add(new Spec(TRENDS[t], "trend", tags, base * TREND_SCALE[t], failing));
            }
            if (endpoint % 10 == 0) {
                Map<String, String> checkTags = Map.of("scenario", scenario, "group", group,
                        "check", group.isEmpty() ? "status is 200 #" + endpoint : "paid #" + endpoint);
                mine.add(new Spec("checks", "rate", checkTags, 1, group.equals("::checkout") && endpoint % 30 == 0));
            }
            for (Spec s : mine) {
                if (specs.size() + runWide.size() < series) {
                    specs.add(s);
                }
            }
            endpoint++;
        }
        specs.addAll(runWide);
    }

    /** A trend second's four values for a series of this base value, template k. */
    private static double[] values(double base, int k) {
        return new double[] {base * (0.7 + 0.01 * k), base * (0.95 + 0.02 * k), base * (1.2 + 0.03 * k),
            base * (2.0 + 0.25 * k)};
    }

    private static int template(int seriesIndex, long second) {
        return (int) ((seriesIndex * 7L + second) % TEMPLATES);
    }

    /** Writes everything; returns samples and metric_seconds rows written. */
    long[] write(String jdbcUrl, String user, String password) throws SQLException {
        try (Connection c = user == null ? DriverManager.getConnection(jdbcUrl) : DriverManager.getConnection(jdbcUrl,
                user, password)) {
            c.setAutoCommit(false);
            long[] ids = insertSeries(c);
            Totals t = writeSeconds(c, ids);
            writeRollups(c);
            try (PreparedStatement ps = c.prepareStatement("UPDATE test_runs SET samples_received = ? WHERE id = ?")) {
                ps.setLong(1, t.samples());
                ps.setLong(2, runId);
                ps.executeUpdate();
            }
            c.commit();
            return new long[] {t.samples(), t.rows()};
        }
    }

    private long[] insertSeries(Connection c) throws SQLException {
        long[] ids = new long[specs.size()];
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO metric_series (run_id, metric, metric_type, tags_key, "
                + "tags) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < specs.size(); i++) {
                Spec s = specs.get(i);
                ps.setLong(1, runId);
                ps.setString(2, s.metric());
                ps.setString(3, s.type());
                ps.setString(4, String.format("%064x", i));
                ps.setString(5, dev.weft.cloud.wire.WireJson.GSON.toJson(new TreeMap<>(s.tags())));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    ids[i] = keys.getLong(1);
                }
            }
        }
        c.commit();
        return ids;
    }

    /** One second of one series: count, sum, min, max, last and the template's histogram (trends). */
    private double[] second(Spec s, int index, long second) {
        switch (s.type()) {
            case "trend" -> {
                double[] v = values(s.base(), template(index, second));
                return new double[] {PER_SECOND, v[0] + v[1] + v[2] + v[3], v[0], v[3], v[3]};
            }
            case "rate" -> {
                double nonzero = s.failing() ? PER_SECOND : 0;
                return new double[] {PER_SECOND, nonzero, nonzero > 0 ? 1 : 0, nonzero > 0 ? 1 : 0, nonzero > 0 ? 1 : 0};
            }
            case "gauge" -> {
                double v = Math.min(s.base(), 10 + (second - firstSecond) / 10.0);
                return new double[] {1, v, v, v, v};
            }
            default -> {
                double v = s.base() * PER_SECOND * (s.metric().equals("http_reqs") ? 1 : 10);
                return new double[] {1, v, v, v, v};
            }
        }
    }

    private Totals writeSeconds(Connection c, long[] ids) throws SQLException {
        Map<String, byte[]> histograms = new HashMap<>();
        long samples = 0;
        long rows = 0;
        try (PreparedStatement perSecond = c.prepareStatement("INSERT INTO metric_seconds (series_id, at_second, "
                + "sample_count, sum_value, min_value, max_value, last_value, histogram) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement totals = c.prepareStatement("INSERT INTO series_totals (series_id, run_id, sample_count, "
                        + "sum_value, min_value, max_value, last_value, last_second, histogram) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (int i = 0; i < specs.size(); i++) {
                Spec s = specs.get(i);
                boolean trend = s.type().equals("trend");
                long[] byTemplate = new long[TEMPLATES];
                long count = 0;
                double sum = 0;
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                double last = 0;
                long lastSecond = 0;
                for (long at = firstSecond; at < firstSecond + seconds; at += every) {
                    double[] v = second(s, i, at);
                    perSecond.setLong(1, ids[i]);
                    perSecond.setLong(2, at);
                    perSecond.setLong(3, (long) v[0]);
                    perSecond.setDouble(4, v[1]);
                    perSecond.setDouble(5, v[2]);
                    perSecond.setDouble(6, v[3]);
                    perSecond.setDouble(7, v[4]);
                    if (trend) {
                        int k = template(i, at);
                        byTemplate[k]++;
                        perSecond.setBytes(8, histograms.computeIfAbsent(s.base() + "/" + k, x -> digest(s.base(), k, 1)
                                .toBytes()));
                    } else {
                        perSecond.setNull(8, Types.VARBINARY);
                    }
                    perSecond.addBatch();
                    count += (long) v[0];
                    sum += v[1];
                    min = Math.min(min, v[2]);
                    max = Math.max(max, v[3]);
                    last = v[4];
                    lastSecond = at;
                    rows++;
                    if (++pending == 10_000) {
                        perSecond.executeBatch();
                        c.commit();
                        pending = 0;
                    }
                }
                samples += count;
                TrendDigest total = null;
                if (trend) {
                    total = new TrendDigest();
                    for (int k = 0; k < TEMPLATES; k++) {
                        if (byTemplate[k] > 0) {
                            total.add(digest(s.base(), k, byTemplate[k]));
                        }
                    }
                }
                totals.setLong(1, ids[i]);
                totals.setLong(2, runId);
                totals.setLong(3, count);
                totals.setDouble(4, sum);
                totals.setDouble(5, min);
                totals.setDouble(6, max);
                totals.setDouble(7, last);
                totals.setLong(8, lastSecond);
                if (total == null) {
                    totals.setNull(9, Types.VARBINARY);
                } else {
                    totals.setBytes(9, total.toBytes());
                }
                totals.executeUpdate();
                if ((i + 1) % 500 == 0) {
                    System.out.printf("  %,d of %,d series written (%,d rows)%n", i + 1, specs.size(), rows);
                }
            }
            if (pending > 0) {
                perSecond.executeBatch();
            }
            c.commit();
        }
        return new Totals(samples, rows);
    }

    private static TrendDigest digest(double base, int k, long times) {
        TrendDigest d = new TrendDigest();
        for (double v : values(base, k)) {
            d.record(v, times);
        }
        return d;
    }

    /**
     * metric_rollup: every metric over its series, per second (a gauge's value is the sum over
     * its series), and metric_totals: the same over the whole run; each also per scenario.
     */
    private void writeRollups(Connection c) throws SQLException {
        // key: metric and slice ('' for every series, 'scenario:NAME' for one scenario's)
        Map<List<String>, List<Integer>> byMetric = new java.util.LinkedHashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            byMetric.computeIfAbsent(List.of(s.metric(), ""), m -> new ArrayList<>()).add(i);
            if (s.tags().containsKey("scenario")) {
                byMetric.computeIfAbsent(List.of(s.metric(), "scenario:" + s.tags().get("scenario")), m -> new ArrayList<>())
                        .add(i);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO metric_rollup (run_id, metric, slice, at_second, "
                + "sample_count, sum_value, min_value, max_value, last_value, histogram) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            System.out.printf("  rollups: %d metric slices%n", byMetric.size());
            for (Map.Entry<List<String>, List<Integer>> e : byMetric.entrySet()) {
                long totalCount = 0;
                double totalSum = 0;
                double totalMin = Double.POSITIVE_INFINITY;
                double totalMax = Double.NEGATIVE_INFINITY;
                double totalLast = 0;
                long lastAt = 0;
                TrendDigest total = null;
                for (long at = firstSecond; at < firstSecond + seconds; at += every) {
                    long count = 0;
                    double sum = 0;
                    double min = Double.POSITIVE_INFINITY;
                    double max = Double.NEGATIVE_INFINITY;
                    double last = 0;
                    TrendDigest d = null;
                    for (int i : e.getValue()) {
                        Spec s = specs.get(i);
                        double[] v = second(s, i, at);
                        count += (long) v[0];
                        sum += v[1];
                        min = Math.min(min, v[2]);
                        max = Math.max(max, v[3]);
                        last += v[4];
                        if (s.type().equals("trend")) {
                            if (d == null) {
                                d = new TrendDigest();
                            }
                            for (double x : values(s.base(), template(i, at))) {
                                d.record(x);
                            }
                        }
                    }
                    ps.setLong(1, runId);
                    ps.setString(2, e.getKey().get(0));
                    ps.setString(3, e.getKey().get(1));
                    ps.setLong(4, at);
                    ps.setLong(5, count);
                    ps.setDouble(6, sum);
                    ps.setDouble(7, min);
                    ps.setDouble(8, max);
                    ps.setDouble(9, last);
                    if (d == null) {
                        ps.setNull(10, Types.VARBINARY);
                    } else {
                        ps.setBytes(10, d.toBytes());
                    }
                    ps.addBatch();
                    if (++pending == 5_000) {
                        ps.executeBatch();
                        c.commit();
                        pending = 0;
                    }
                    totalCount += count;
                    totalSum += sum;
                    totalMin = Math.min(totalMin, min);
                    totalMax = Math.max(totalMax, max);
                    Spec lastSpec = specs.get(e.getValue().get(e.getValue().size() - 1));
                    totalLast = second(lastSpec, e.getValue().get(e.getValue().size() - 1), at)[4];
                    lastAt = at;
                    if (d != null) {
                        if (total == null) {
                            total = new TrendDigest();
                        }
                        total.add(d);
                    }
                }
                try (PreparedStatement t = c.prepareStatement("INSERT INTO metric_totals (run_id, metric, slice, "
                        + "sample_count, sum_value, min_value, max_value, last_value, last_second, histogram) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    t.setLong(1, runId);
                    t.setString(2, e.getKey().get(0));
                    t.setString(3, e.getKey().get(1));
                    t.setLong(4, totalCount);
                    t.setDouble(5, totalSum);
                    t.setDouble(6, totalMin);
                    t.setDouble(7, totalMax);
                    t.setDouble(8, totalLast);
                    t.setLong(9, lastAt);
                    if (total == null) {
                        t.setNull(10, Types.VARBINARY);
                    } else {
                        t.setBytes(10, total.toBytes());
                    }
                    t.executeUpdate();
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
            c.commit();
        }
    }
}
