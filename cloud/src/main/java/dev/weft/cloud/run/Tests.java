package dev.weft.cloud.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

/**
 * The tests runs belong to: a test is a name (k6 sends {@code options.cloud.name}, else the
 * script's file name) within a project ({@code options.cloud.projectID}; 0 is the
 * organisation's default project). Called inside the create transaction; two creates of a
 * new test at once both end up with the one row.
 */
public final class Tests {
    /** The project of runs created without a project id. */
    public static final long DEFAULT_PROJECT = 0;

    private Tests() {
    }

    /** The id of the organisation's test of this name and project, made when it is new. */
    static long idFor(Connection c, long orgId, Long projectId, String name, long now) throws SQLException {
        long project = projectId == null ? DEFAULT_PROJECT : projectId;
        Long id = find(c, orgId, project, name);
        if (id != null) {
            return id;
        }
        // a savepoint: on PostgreSQL a failed statement would otherwise spoil the whole create
        Savepoint before = c.getAutoCommit() ? null : c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tests (org_id, project_id, name, created_at) "
                + "VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, orgId);
            ps.setLong(2, project);
            ps.setString(3, name);
            ps.setLong(4, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            if (before != null) {
                c.rollback(before);
            }
            Long made = find(c, orgId, project, name);
            if (made == null) {
                throw e;
            }
            return made;
        }
    }

    private static Long find(Connection c, long orgId, long project, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM tests WHERE org_id = ? AND project_id = ? AND name = ?")) {
            ps.setLong(1, orgId);
            ps.setLong(2, project);
            ps.setString(3, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }
}
