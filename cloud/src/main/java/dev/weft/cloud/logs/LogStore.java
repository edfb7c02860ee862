package dev.weft.cloud.logs;

import dev.weft.cloud.store.Database;
import dev.weft.cloud.wire.LogBatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The runs' log lines in the database (tables {@code run_logs}, {@code run_log_counts}). A run
 * keeps at most {@code maxLinesPerRun} lines: past that, lines are counted as dropped and one
 * line says so. A line re-sent under the same instance and number is stored once. Messages are
 * cut at {@link #MAX_MESSAGE_CHARS}. Thread-safe; called on request threads.
 */
public final class LogStore {
    /** Longest message kept; a longer one is cut and ends with a note. */
    public static final int MAX_MESSAGE_CHARS = 8192;
    private static final java.util.Set<String> LEVELS = java.util.Set.of("debug", "info", "warn", "error");

    private final Database db;
    private final long maxLinesPerRun;

    public LogStore(Database db, long maxLinesPerRun) {
        this.db = db;
        this.maxLinesPerRun = maxLinesPerRun;
    }

    /** The level as stored: one of debug, info, warn, error ("warning" is warn; anything else info). */
    static String level(String level) {
        String l = level == null ? "info" : level.toLowerCase(Locale.ROOT);
        if (l.equals("warning")) {
            return "warn";
        }
        return LEVELS.contains(l) ? l : "info";
    }

    /**
     * Stores the lines of {@code batch} for the run that are newer than what this instance
     * already sent, up to the run's limit. The run must exist (the caller checked who may write).
     */
    public LogBatch.Answer append(long runId, LogBatch batch, long now) throws SQLException {
        return db.inTransaction(c -> {
            long[] counts = lockCounts(c, runId);
            long newest = newestClientSeq(c, runId, batch.instance());
            long stored = 0;
            long duplicates = 0;
            long dropped = 0;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_logs (run_id, instance_id, client_seq, "
                    + "logged_at, log_level, message, log_source, vu, iteration, scenario) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (LogBatch.Line line : batch.lines()) {
                    if (line.seq() <= newest) {
                        duplicates++;
                        continue;
                    }
                    newest = line.seq();
                    if (counts[0] + stored >= maxLinesPerRun) {
                        dropped++;
                        continue;
                    }
                    bind(ps, runId, batch.instance(), line);
                    ps.addBatch();
                    stored++;
                }
                if (stored > 0) {
                    ps.executeBatch();
                }
            }
            if (dropped > 0 && counts[1] == 0) {
                limitNote(c, runId, now);
            }
            saveCounts(c, runId, counts[0] + stored, counts[1] + dropped);
            return new LogBatch.Answer(stored, duplicates, dropped);
        });
    }

    private static void bind(PreparedStatement ps, long runId, String instance, LogBatch.Line line)
            throws SQLException {
        String message = line.message() == null ? "" : line.message();
        if (message.length() > MAX_MESSAGE_CHARS) {
            message = message.substring(0, MAX_MESSAGE_CHARS) + " [cut: " + message.length() + " characters]";
        }
        ps.setLong(1, runId);
        ps.setString(2, instance);
        ps.setLong(3, line.seq());
        ps.setLong(4, line.t());
        ps.setString(5, level(line.level()));
        ps.setString(6, message);
        ps.setString(7, cut(line.source(), 40));
        setLong(ps, 8, line.vu() == null ? null : line.vu().longValue());
        setLong(ps, 9, line.iteration());
        ps.setString(10, cut(line.scenario(), 200));
    }

    private void limitNote(Connection c, long runId, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_logs (run_id, instance_id, client_seq, "
                + "logged_at, log_level, message, log_source) VALUES (?, '', 0, ?, 'warn', ?, 'weft')")) {
            // line number 0 under instance "": runners number from 1, so it never meets a runner's line
            ps.setLong(1, runId);
            ps.setLong(2, now);
            ps.setString(3, "this run reached the service's limit of " + maxLinesPerRun
                    + " log lines: later lines are counted as dropped, not stored");
            ps.executeUpdate();
        }
    }

    /** {stored, dropped} of the run, its row locked until the transaction ends (created when missing). */
    private static long[] lockCounts(Connection c, long runId) throws SQLException {
        for (int attempt = 0; attempt < 2; attempt++) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT stored, dropped FROM run_log_counts WHERE run_id = ? FOR UPDATE")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return new long[] {rs.getLong(1), rs.getLong(2)};
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO run_log_counts (run_id, stored, dropped) VALUES (?, 0, 0)")) {
                ps.setLong(1, runId);
                ps.executeUpdate();
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                // another request made the row first; lock theirs
            }
        }
        throw new SQLException("the log counts of run " + runId + " could not be locked");
    }

    private static long newestClientSeq(Connection c, long runId, String instance) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT MAX(client_seq) FROM run_logs WHERE run_id = ? AND instance_id = ?")) {
            ps.setLong(1, runId);
            ps.setString(2, instance);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static void saveCounts(Connection c, long runId, long stored, long dropped) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE run_log_counts SET stored = ?, dropped = ? WHERE run_id = ?")) {
            ps.setLong(1, stored);
            ps.setLong(2, dropped);
            ps.setLong(3, runId);
            ps.executeUpdate();
        }
    }

    /** The run's lines that {@code query} asks for, oldest first. */
    public List<LogLine> read(long runId, LogQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT seq, logged_at, log_level, message, log_source, vu, iteration, "
                + "scenario, instance_id FROM run_logs WHERE run_id = ? AND seq > ?");
        List<Object> args = new ArrayList<>(List.of(runId, query.after()));
        if (!query.levels().isEmpty()) {
            sql.append(" AND log_level IN (").append("?,".repeat(query.levels().size() - 1)).append("?)");
            args.addAll(query.levels());
        }
        if (query.scenario() != null) {
            sql.append(" AND scenario = ?");
            args.add(query.scenario());
        }
        if (query.from() != null) {
            sql.append(" AND logged_at >= ?");
            args.add(query.from());
        }
        if (query.to() != null) {
            sql.append(" AND logged_at <= ?");
            args.add(query.to());
        }
        sql.append(" ORDER BY seq LIMIT ").append(query.limit());
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    if (args.get(i) instanceof Long n) {
                        ps.setLong(i + 1, n);
                    } else {
                        ps.setString(i + 1, (String) args.get(i));
                    }
                }
                List<LogLine> lines = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        lines.add(new LogLine(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), nullableLong(rs, 6), nullableLong(rs, 7), rs.getString(8),
                                rs.getString(9)));
                    }
                }
                return lines;
            }
        });
    }

    /** Lines stored and dropped for the run so far. */
    public Counts counts(long runId) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT stored, dropped FROM run_log_counts WHERE run_id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new Counts(rs.getLong(1), rs.getLong(2)) : new Counts(0, 0);
                }
            }
        });
    }

    /** A run's line tallies at the service. */
    public record Counts(long stored, long dropped) {
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
