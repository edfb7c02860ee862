package dev.weft.cloud.run;

import dev.weft.cloud.account.Principal;
import dev.weft.cloud.http.ApiException;
import dev.weft.cloud.metrics.BadSamplesException;
import dev.weft.cloud.metrics.MetricStore;
import dev.weft.cloud.metrics.SampleReader;
import dev.weft.cloud.metrics.SecondAggregate;
import dev.weft.cloud.store.Database;
import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.TestFinishedRequest;
import dev.weft.cloud.wire.TestRunRequest;
import dev.weft.cloud.wire.WireSample;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the ingest API does to runs: create (or join a shared run, see {@link JoinedRuns}),
 * ingest a metrics batch (idempotent by batch key), finish, and time out idle runs. Called concurrently from request threads and the sweeper;
 * ingests of one run are serialised by a per-run lock so merging aggregates is safe.
 */
public final class RunService {
    /** The outcome of one metrics batch. */
    public record IngestResult(boolean duplicate, int aggregates) {
    }

    private final Database db;
    private final RunStore runs;
    private final MetricStore metrics = new MetricStore();
    private final Clock clock;
    private final Duration timeout;
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final JoinedRuns joined;

    public RunService(Database db, RunStore runs, Clock clock, Duration timeout) {
        this.db = db;
        this.runs = runs;
        this.clock = clock;
        this.timeout = timeout;
        this.joined = new JoinedRuns(db, runs, clock);
    }

    public TestRun create(Principal principal, TestRunRequest request) throws SQLException {
        return runs.create(principal.orgId(), request, clock.millis());
    }

    /** Creates a run, or with a {@link RunJoin} creates or joins the shared run of that key. */
    public TestRun create(Principal principal, TestRunRequest request, RunJoin join) throws SQLException, ApiException {
        if (join == null) {
            return create(principal, request);
        }
        return joined.join(principal.orgId(), request, join.validate());
    }

    /** The organisation's newest runs first. */
    public List<TestRun> list(Principal principal) throws SQLException {
        return runs.list(principal.orgId(), 200);
    }

    public TestRun find(Principal principal, long runId) throws SQLException, ApiException {
        return runs.find(principal.orgId(), runId).orElseThrow(() -> unknownRun(runId));
    }

    public IngestResult ingest(Principal principal, long runId, String batchKey, List<WireSample> samples)
            throws SQLException, ApiException {
        Map<SecondAggregate.Key, SecondAggregate> aggregates;
        try {
            aggregates = new SampleReader().read(samples);
        } catch (BadSamplesException e) {
            throw new ApiException(400, e.getMessage());
        }
        return ingestAggregates(principal, runId, batchKey, samples.size(), aggregates);
    }

    /**
     * Stores a batch already read into per-second aggregates (the v2 protobuf path reads its
     * own); {@code sampleCount} is what the batch stood for, recorded with its key.
     */
    public IngestResult ingestAggregates(Principal principal, long runId, String batchKey, int sampleCount,
            Map<SecondAggregate.Key, SecondAggregate> aggregates) throws SQLException, ApiException {
        ReentrantLock lock = locks.computeIfAbsent(runId, id -> new ReentrantLock());
        lock.lock();
        try {
            return ingestLocked(principal, runId, batchKey, sampleCount, aggregates);
        } finally {
            lock.unlock();
        }
    }

    private IngestResult ingestLocked(Principal principal, long runId, String batchKey, int sampleCount,
            Map<SecondAggregate.Key, SecondAggregate> aggregates) throws SQLException, ApiException {
        long now = clock.millis();
        IngestResult result = db.inTransaction(c -> {
            TestRun run = runs.find(c, principal.orgId(), runId).orElseThrow(() -> unknownRun(runId));
            if (run.state() != RunState.RUNNING) {
                throw refused(run);
            }
            if (!runs.touchIfLive(c, runId, now, now - timeout.toMillis())) {
                return null;
            }
            if (batchKey != null) {
                if (alreadyIngested(c, runId, batchKey)) {
                    return new IngestResult(true, 0);
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO ingested_batches (run_id, batch_key, received_at, sample_count) VALUES (?, ?, ?, ?)")) {
                    ps.setLong(1, runId);
                    ps.setString(2, batchKey);
                    ps.setLong(3, now);
                    ps.setInt(4, sampleCount);
                    ps.executeUpdate();
                }
            }
            try {
                metrics.write(c, runId, aggregates.values());
            } catch (BadSamplesException e) {
                throw new ApiException(400, e.getMessage());
            }
            return new IngestResult(false, aggregates.size());
        });
        if (result == null) {
            // Idle past the timeout but not yet swept: time it out now, then refuse.
            sweepTimeouts();
            throw refused(find(principal, runId));
        }
        return result;
    }

    private static boolean alreadyIngested(java.sql.Connection c, long runId, String batchKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ingested_batches WHERE run_id = ? AND batch_key = ?")) {
            ps.setLong(1, runId);
            ps.setString(2, batchKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Running to Finished; a repeated finish of a Finished run is accepted as is. */
    public TestRun finish(Principal principal, long runId, TestFinishedRequest request) throws SQLException, ApiException {
        return finish(principal, runId, request, null);
    }

    /**
     * Finishes the run, or with an {@code instanceId} of a shared run that instance's part; the
     * shared run is Finished when its last instance is.
     */
    public TestRun finish(Principal principal, long runId, TestFinishedRequest request, String instanceId)
            throws SQLException, ApiException {
        sweepTimeouts();
        TestRun run = find(principal, runId);
        if (run.state() == RunState.RUNNING) {
            ReentrantLock lock = locks.computeIfAbsent(runId, id -> new ReentrantLock());
            lock.lock();
            boolean ended = true;
            try {
                if (instanceId != null && run.runKey() != null) {
                    joined.finishInstance(run, instanceId, request);
                    ended = find(principal, runId).state() != RunState.RUNNING;
                } else {
                    runs.finish(runId, request, clock.millis());
                }
            } finally {
                lock.unlock();
                if (ended) {
                    locks.remove(runId);
                }
            }
            run = find(principal, runId);
        }
        if (run.state() == RunState.TIMED_OUT) {
            throw refused(run);
        }
        return run;
    }

    /**
     * Stops a Running run from the service side (k6's {@code POST /v1/tests/{id}/stop}, or a
     * user): it becomes Finished with k6's run status 5 (aborted by user), and every later push
     * is answered 403 with error code 4, which makes k6 stop sending (and stop the test when
     * its {@code stopOnError} is on). A run already over is returned as it is.
     */
    public TestRun stop(Principal principal, long runId) throws SQLException, ApiException {
        TestRun run = find(principal, runId);
        if (run.state() != RunState.RUNNING) {
            return run;
        }
        ReentrantLock lock = locks.computeIfAbsent(runId, id -> new ReentrantLock());
        lock.lock();
        try {
            runs.finish(runId, new TestFinishedRequest(CloudApi.RESULT_PASSED, RUN_STATUS_ABORTED_BY_USER, null),
                    clock.millis());
        } finally {
            lock.unlock();
        }
        return find(principal, runId);
    }

    /** k6's run status for a run a user stopped. */
    static final int RUN_STATUS_ABORTED_BY_USER = 5;

    /** Times out every Running run without data for the timeout; returns how many. */
    public int sweepTimeouts() throws SQLException {
        long now = clock.millis();
        return runs.timeOutIdle(now - timeout.toMillis(), now);
    }

    public Duration timeout() {
        return timeout;
    }

    private ApiException refused(TestRun run) {
        if (run.state() == RunState.TIMED_OUT) {
            return new ApiException(403, CloudApi.ERROR_CODE_NO_MORE_METRICS, "test run " + run.id()
                    + " timed out after " + timeout.toSeconds() + " s without data; no more data is accepted "
                    + "(what arrived before is kept)");
        }
        return new ApiException(403, CloudApi.ERROR_CODE_NO_MORE_METRICS,
                "test run " + run.id() + " is finished; no more data is accepted");
    }

    private static ApiException unknownRun(long runId) {
        return new ApiException(404, "unknown test run " + runId);
    }
}
