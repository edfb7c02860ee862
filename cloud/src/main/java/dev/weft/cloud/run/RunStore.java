package dev.weft.cloud.run;

import com.google.gson.reflect.TypeToken;
import dev.weft.cloud.metrics.SampleLosses;
import dev.weft.cloud.store.Database;
import dev.weft.cloud.wire.TestFinishedRequest;
import dev.weft.cloud.wire.TestRunRequest;
import dev.weft.cloud.wire.WireJson;
import java.lang.reflect.Type;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test runs in the database and their state changes (see {@link RunState} for the table).
 * Every query is scoped by organisation so one org never sees another's runs. Thread-safe;
 * called from request threads and the timeout sweeper.
 */
public final class RunStore {
    private static final Type THRESHOLDS = new TypeToken<Map<String, List<String>>>() { }.getType();
    private static final Type RESULTS = new TypeToken<Map<String, Map<String, Boolean>>>() { }.getType();
    private static final String COLUMNS = "id, org_id, name, project_id, vus, duration_s, thresholds, run_state, "
            + "run_status, result_status, threshold_results, created_at, last_data_at, ended_at, run_key, "
            + "expected_instances, (SELECT COUNT(*) FROM run_instances i WHERE i.run_id = test_runs.id), "
            + "(SELECT COUNT(*) FROM run_instances i WHERE i.run_id = test_runs.id AND i.finished_at IS NOT NULL), "
            + "samples_received, overflow_samples, test_id, rollups, test_duration_ms";

    private final Database db;

    public RunStore(Database db) {
        this.db = db;
    }

    public TestRun create(long orgId, TestRunRequest request, long now) throws SQLException {
        long id = db.inTransaction(c -> insert(c, orgId, request, now, null, null, request.vus()));
        return find(orgId, id).orElseThrow();
    }

    /**
     * Inserts a Running run and returns its id. {@code runKey} (or null) is what other
     * instances join it by; a second insert with the same organisation and key fails with a
     * unique-constraint violation (SQLState 23505).
     */
    public long insert(Connection c, long orgId, TestRunRequest request, long now, String runKey,
            Integer expectedInstances, long vus) throws SQLException {
        String name = request.name() == null || request.name().isBlank() ? "k6 test" : request.name();
        if (name.length() > 500) {
            name = name.substring(0, 500);
        }
        long testId = Tests.idFor(c, orgId, request.projectId(), name, now);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO test_runs (org_id, name, project_id, vus, "
                + "duration_s, thresholds, run_state, created_at, last_data_at, run_key, expected_instances, test_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, orgId);
            ps.setString(2, name);
            if (request.projectId() == null) {
                ps.setNull(3, Types.BIGINT);
            } else {
                ps.setLong(3, request.projectId());
            }
            ps.setLong(4, vus);
            ps.setLong(5, request.durationSeconds());
            ps.setString(6, WireJson.GSON.toJson(request.thresholds() == null ? Map.of() : request.thresholds()));
            ps.setString(7, RunState.RUNNING.name());
            ps.setLong(8, now);
            ps.setLong(9, now);
            ps.setString(10, runKey);
            if (expectedInstances == null) {
                ps.setNull(11, Types.INTEGER);
            } else {
                ps.setInt(11, expectedInstances);
            }
            ps.setLong(12, testId);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The organisation's run with this join key, if any. */
    public Optional<TestRun> findByKey(Connection c, long orgId, String runKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM test_runs WHERE org_id = ? AND run_key = ?")) {
            ps.setLong(1, orgId);
            ps.setString(2, runKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** A joining instance adds its VUs to the run's and counts as activity for the idle timeout. */
    public void addJoinedVus(Connection c, long runId, long vus, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE test_runs SET vus = vus + ?, last_data_at = ? WHERE id = ? AND run_state = ?")) {
            ps.setLong(1, vus);
            ps.setLong(2, now);
            ps.setLong(3, runId);
            ps.setString(4, RunState.RUNNING.name());
            ps.executeUpdate();
        }
    }

    public Optional<TestRun> find(long orgId, long id) throws SQLException {
        return db.read(c -> find(c, orgId, id));
    }

    public Optional<TestRun> find(Connection c, long orgId, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM test_runs WHERE id = ? AND org_id = ?")) {
            ps.setLong(1, id);
            ps.setLong(2, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                TestRun run = row(rs);
                return Optional.of(withLosses(c, List.of(run)).get(0));
            }
        }
    }

    /** The runs with their loss tallies read in one query. */
    private static List<TestRun> withLosses(Connection c, List<TestRun> runs) throws SQLException {
        Map<Long, List<SampleLosses.Loss>> losses = SampleLosses.of(c, runs.stream().map(TestRun::id).toList());
        if (losses.isEmpty()) {
            return runs;
        }
        return runs.stream().map(r -> losses.containsKey(r.id())
                ? r.withAccounting(r.accounting().withLosses(losses.get(r.id()))) : r).toList();
    }

    /** The organisation's newest runs first. */
    public List<TestRun> list(long orgId, int limit) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM test_runs WHERE org_id = ? ORDER BY id DESC")) {
                ps.setLong(1, orgId);
                ps.setMaxRows(limit);
                List<TestRun> runs = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        runs.add(row(rs));
                    }
                }
                return withLosses(c, runs);
            }
        });
    }

    /**
     * Records that data arrived, when the run is Running and not idle since before
     * {@code idleCutoff}. Locks the run's row for the rest of the transaction, so the sweeper
     * cannot time it out half-way through an ingest. False when it was not accepted.
     */
    public boolean touchIfLive(Connection c, long runId, long now, long idleCutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE test_runs SET last_data_at = ? "
                + "WHERE id = ? AND run_state = ? AND last_data_at >= ?")) {
            ps.setLong(1, now);
            ps.setLong(2, runId);
            ps.setString(3, RunState.RUNNING.name());
            ps.setLong(4, idleCutoff);
            return ps.executeUpdate() == 1;
        }
    }

    /** Records that the Running run's runner was heard from {@code at} (data stored or not). */
    public void heardFrom(long runId, long at) throws SQLException {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE test_runs SET last_data_at = ? "
                    + "WHERE id = ? AND run_state = ? AND last_data_at < ?")) {
                ps.setLong(1, at);
                ps.setLong(2, runId);
                ps.setString(3, RunState.RUNNING.name());
                ps.setLong(4, at);
                return ps.executeUpdate();
            }
        });
    }

    /** RUNNING to FINISHED with the runner's statuses; false when the run was not Running. */
    public boolean finish(long runId, TestFinishedRequest request, long now) throws SQLException {
        return db.inTransaction(c -> finish(c, runId, request, now));
    }

    /** {@link #finish(long, TestFinishedRequest, long)} inside the caller's transaction. */
    public boolean finish(Connection c, long runId, TestFinishedRequest request, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE test_runs SET run_state = ?, run_status = ?, "
                + "result_status = ?, threshold_results = ?, ended_at = ?, test_duration_ms = ? "
                + "WHERE id = ? AND run_state = ?")) {
            ps.setString(1, RunState.FINISHED.name());
            ps.setInt(2, request.runStatus());
            ps.setInt(3, request.resultStatus());
            ps.setString(4, WireJson.GSON.toJson(request.thresholds() == null ? Map.of() : request.thresholds()));
            ps.setLong(5, now);
            if (request.testDurationMs() != null && request.testDurationMs() > 0) {
                ps.setLong(6, request.testDurationMs());
            } else {
                ps.setNull(6, java.sql.Types.BIGINT);
            }
            ps.setLong(7, runId);
            ps.setString(8, RunState.RUNNING.name());
            return ps.executeUpdate() == 1;
        }
    }

    /** RUNNING to TIMED_OUT for every run idle since before {@code idleCutoff}; how many changed. */
    public int timeOutIdle(long idleCutoff, long now) throws SQLException {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE test_runs SET run_state = ?, ended_at = ? "
                    + "WHERE run_state = ? AND last_data_at < ?")) {
                ps.setString(1, RunState.TIMED_OUT.name());
                ps.setLong(2, now);
                ps.setString(3, RunState.RUNNING.name());
                ps.setLong(4, idleCutoff);
                return ps.executeUpdate();
            }
        });
    }

    private static TestRun row(ResultSet rs) throws SQLException {
        long projectId = rs.getLong(4);
        Long project = rs.wasNull() ? null : projectId;
        int runStatus = rs.getInt(9);
        Integer status = rs.wasNull() ? null : runStatus;
        int resultStatus = rs.getInt(10);
        Integer result = rs.wasNull() ? null : resultStatus;
        String results = rs.getString(11);
        long ended = rs.getLong(14);
        Long endedAt = rs.wasNull() ? null : ended;
        Map<String, List<String>> thresholds = WireJson.GSON.fromJson(rs.getString(7), THRESHOLDS);
        int expected = rs.getInt(16);
        Integer expectedInstances = rs.wasNull() ? null : expected;
        long test = rs.getLong(21);
        Long testId = rs.wasNull() ? null : test;
        long duration = rs.getLong(23);
        Long testDurationMs = rs.wasNull() ? null : duration;
        return new TestRun(rs.getLong(1), rs.getLong(2), rs.getString(3), project, rs.getLong(5), rs.getLong(6),
                thresholds == null ? Map.of() : thresholds, RunState.valueOf(rs.getString(8)), status, result,
                results == null ? null : WireJson.GSON.fromJson(results, RESULTS), rs.getLong(12), rs.getLong(13),
                endedAt, rs.getString(15), expectedInstances, rs.getInt(17), rs.getInt(18),
                new RunAccounting(rs.getLong(19), rs.getLong(20), List.of()), testId, rs.getInt(22) == 1,
                testDurationMs);
    }
}
