package dev.weft.cloud.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code run_losses} table: per run and {@link LossReason}, how many batches and samples
 * were not stored. Called inside the caller's transaction; callers hold the run's ingest lock,
 * so the update-then-insert below never races with itself. Stateless.
 */
public final class SampleLosses {
    private static final int MAX_MESSAGE = 500;

    /** One reason's tally for a run. */
    public record Loss(LossReason reason, long batches, long samples, String lastMessage) {
        public String description() {
            return reason.description();
        }
    }

    private SampleLosses() {
    }

    /** Adds to the run's tally for {@code reason}; {@code message} (or null) is the latest detail. */
    public static void add(Connection c, long runId, LossReason reason, long batches, long samples, String message)
            throws SQLException {
        if (batches == 0 && samples == 0) {
            return;
        }
        String m = message == null || message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE);
        try (PreparedStatement up = c.prepareStatement("UPDATE run_losses SET batches = batches + ?, "
                + "samples = samples + ?, last_message = COALESCE(?, last_message) WHERE run_id = ? AND reason = ?")) {
            up.setLong(1, batches);
            up.setLong(2, samples);
            up.setString(3, m);
            up.setLong(4, runId);
            up.setString(5, reason.name());
            if (up.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO run_losses (run_id, reason, batches, samples, "
                + "last_message) VALUES (?, ?, ?, ?, ?)")) {
            ins.setLong(1, runId);
            ins.setString(2, reason.name());
            ins.setLong(3, batches);
            ins.setLong(4, samples);
            ins.setString(5, m);
            ins.executeUpdate();
        }
    }

    /** Every run's losses among {@code runIds}, in reason order; runs without losses are absent. */
    public static Map<Long, List<Loss>> of(Connection c, Collection<Long> runIds) throws SQLException {
        Map<Long, List<Loss>> byRun = new HashMap<>();
        if (runIds.isEmpty()) {
            return byRun;
        }
        String marks = String.join(",", java.util.Collections.nCopies(runIds.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT run_id, reason, batches, samples, last_message "
                + "FROM run_losses WHERE run_id IN (" + marks + ")")) {
            int i = 1;
            for (long id : runIds) {
                ps.setLong(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byRun.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Loss(
                            LossReason.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4), rs.getString(5)));
                }
            }
        }
        byRun.values().forEach(l -> l.sort(java.util.Comparator.comparing(Loss::reason)));
        return byRun;
    }
}
