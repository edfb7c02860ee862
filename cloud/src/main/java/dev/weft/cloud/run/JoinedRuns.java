package dev.weft.cloud.run;

import dev.weft.cloud.http.ApiException;
import dev.weft.cloud.store.Database;
import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.TestFinishedRequest;
import dev.weft.cloud.wire.TestRunRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Test runs that several runner instances share, one execution segment each. The first create
 * with a key makes the run; later creates with the same key (same organisation) join it and get
 * the same reference id, so every instance streams into one run and the per-second aggregates
 * merge as they arrive. Each instance finishes on its own; the run becomes Finished when all
 * expected instances have (or, when the count was not given, all that joined so far), with the
 * worst run status, failed when any instance failed, and a threshold failed when it failed
 * anywhere.
 *
 * <p>Called by {@link RunService} on request threads. Creates are serialised by one lock (they
 * are rare); a second service process on the same PostgreSQL is caught by the unique key index
 * and the create is retried as a join.
 */
public final class JoinedRuns {
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database db;
    private final RunStore runs;
    private final RunInstances instances = new RunInstances();
    private final Clock clock;
    private final ReentrantLock createLock = new ReentrantLock();

    public JoinedRuns(Database db, RunStore runs, Clock clock) {
        this.db = db;
        this.runs = runs;
        this.clock = clock;
    }

    /** Creates the keyed run or joins it; a retried create of the same instance is a no-op. */
    public TestRun join(long orgId, TestRunRequest request, RunJoin join) throws SQLException, ApiException {
        createLock.lock();
        try {
            for (int attempt = 0;; attempt++) {
                try {
                    long id = db.inTransaction(c -> joinInTransaction(c, orgId, request, join, clock.millis()));
                    return runs.find(orgId, id).orElseThrow();
                } catch (SQLException e) {
                    if (attempt > 0 || !UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    // another service process created the run first: join it
                }
            }
        } finally {
            createLock.unlock();
        }
    }

    private long joinInTransaction(Connection c, long orgId, TestRunRequest request, RunJoin join, long now)
            throws SQLException, ApiException {
        Optional<TestRun> found = runs.findByKey(c, orgId, join.runKey());
        if (found.isEmpty()) {
            long id = runs.insert(c, orgId, request, now, join.runKey(), join.expectedInstances(), request.vus());
            instances.insert(c, id, join.instanceId(), request.vus(), now);
            return id;
        }
        TestRun run = found.get();
        List<RunInstances.Instance> joined = instances.list(c, run.id());
        if (joined.stream().anyMatch(i -> i.id().equals(join.instanceId()))) {
            return run.id();
        }
        if (run.state() != RunState.RUNNING) {
            throw new ApiException(409, "test run " + run.id() + " with key '" + join.runKey() + "' is "
                    + run.state().label().toLowerCase(java.util.Locale.ROOT) + "; a new test needs a new key");
        }
        if (!Objects.equals(run.expectedInstances(), join.expectedInstances())) {
            throw new ApiException(409, "test run " + run.id() + " with key '" + join.runKey() + "' expects "
                    + describe(run.expectedInstances()) + " but this instance says " + describe(join.expectedInstances()));
        }
        if (run.expectedInstances() != null && joined.size() >= run.expectedInstances()) {
            throw new ApiException(409, "test run " + run.id() + " with key '" + join.runKey() + "' has all its "
                    + run.expectedInstances() + " instances already");
        }
        instances.insert(c, run.id(), join.instanceId(), request.vus(), now);
        runs.addJoinedVus(c, run.id(), request.vus(), now);
        return run.id();
    }

    private static String describe(Integer instances) {
        return instances == null ? "an unknown number of instances" : instances + " instances";
    }

    /**
     * Records that one instance finished and finishes the run when it was the last one. The
     * caller holds the run's ingest lock. A repeated finish of the same instance is a no-op.
     */
    public void finishInstance(TestRun run, String instanceId, TestFinishedRequest request)
            throws SQLException, ApiException {
        long now = clock.millis();
        db.inTransaction(c -> {
            instances.finish(c, run.id(), instanceId, request, now);
            List<RunInstances.Instance> all = instances.list(c, run.id());
            if (all.stream().noneMatch(i -> i.id().equals(instanceId))) {
                throw new ApiException(404, "instance '" + instanceId + "' never joined test run " + run.id());
            }
            List<TestFinishedRequest> done = all.stream().map(RunInstances.Instance::finish)
                    .filter(Objects::nonNull).toList();
            int target = run.expectedInstances() != null ? run.expectedInstances() : all.size();
            if (done.size() >= target) {
                runs.finish(c, run.id(), combine(done), now);
            }
            return null;
        });
    }

    /**
     * One outcome for the run from its instances': failed when any failed; the run status is
     * k6's "finished" (3) only when every instance finished normally, else the highest code
     * (an abort); a threshold failed when it failed on any instance.
     */
    static TestFinishedRequest combine(List<TestFinishedRequest> finishes) {
        boolean failed = finishes.stream().anyMatch(f -> f.resultStatus() != CloudApi.RESULT_PASSED);
        int status = finishes.stream().mapToInt(TestFinishedRequest::runStatus).max().orElse(3);
        Map<String, Map<String, Boolean>> thresholds = new HashMap<>();
        for (TestFinishedRequest f : finishes) {
            if (f.thresholds() == null) {
                continue;
            }
            f.thresholds().forEach((metric, sources) -> sources.forEach((source, bad) ->
                    thresholds.computeIfAbsent(metric, m -> new HashMap<>()).merge(source, bad, Boolean::logicalOr)));
        }
        return new TestFinishedRequest(failed ? CloudApi.RESULT_FAILED : CloudApi.RESULT_PASSED, status, thresholds);
    }
}
