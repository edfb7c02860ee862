package dev.weft.cloud.run;

import com.google.gson.reflect.TypeToken;
import dev.weft.cloud.wire.TestFinishedRequest;
import dev.weft.cloud.wire.WireJson;
import java.lang.reflect.Type;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code run_instances} table: which runner instances joined a shared run and how each
 * one finished. Every method works inside the caller's transaction; {@link JoinedRuns} is the
 * only caller, on request threads.
 */
public final class RunInstances {
    private static final Type RESULTS = new TypeToken<Map<String, Map<String, Boolean>>>() { }.getType();

    /** One instance's row. {@code finish} is null while it runs. */
    public record Instance(String id, long vus, long joinedAt, TestFinishedRequest finish) {
    }

    public List<Instance> list(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT instance_id, vus, joined_at, finished_at, run_status, "
                + "result_status, threshold_results FROM run_instances WHERE run_id = ? ORDER BY joined_at, instance_id")) {
            ps.setLong(1, runId);
            List<Instance> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(4);
                    TestFinishedRequest finish = rs.wasNull() ? null : new TestFinishedRequest(rs.getInt(6),
                            rs.getInt(5), WireJson.GSON.fromJson(rs.getString(7), RESULTS));
                    out.add(new Instance(rs.getString(1), rs.getLong(2), rs.getLong(3), finish));
                }
            }
            return out;
        }
    }

    public void insert(Connection c, long runId, String instanceId, long vus, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO run_instances (run_id, instance_id, vus, joined_at) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, runId);
            ps.setString(2, instanceId);
            ps.setLong(3, vus);
            ps.setLong(4, now);
            ps.executeUpdate();
        }
    }

    /** Records how the instance finished; false when it was unknown or had finished already. */
    public boolean finish(Connection c, long runId, String instanceId, TestFinishedRequest request, long now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE run_instances SET finished_at = ?, run_status = ?, "
                + "result_status = ?, threshold_results = ? WHERE run_id = ? AND instance_id = ? AND finished_at IS NULL")) {
            ps.setLong(1, now);
            ps.setInt(2, request.runStatus());
            ps.setInt(3, request.resultStatus());
            ps.setString(4, WireJson.GSON.toJson(request.thresholds() == null ? Map.of() : request.thresholds()));
            ps.setLong(5, runId);
            ps.setString(6, instanceId);
            return ps.executeUpdate() == 1;
        }
    }
}
