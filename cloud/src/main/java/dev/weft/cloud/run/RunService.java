package dev.weft.cloud.run;

import dev.weft.cloud.account.Principal;
import dev.weft.cloud.http.ApiException;
import dev.weft.cloud.metrics.BadSamplesException;
import dev.weft.cloud.metrics.LossReason;
import dev.weft.cloud.metrics.SampleLosses;
import dev.weft.cloud.metrics.MetricStore;
import dev.weft.cloud.metrics.SampleReader;
import dev.weft.cloud.metrics.SecondAggregate;
import dev.weft.cloud.store.Database;
import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.IngestResponse;
import dev.weft.cloud.wire.TestFinishedRequest;
import dev.weft.cloud.wire.TestRunRequest;
import dev.weft.cloud.wire.WireSample;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
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
    /**
     * The outcome of one metrics batch.
     *
     * @param samples         measured samples stored
     * @param overflowSamples of those, the ones folded into overflow series
     * @param lostSamples     samples of the batch that were not stored (counted on the run)
     * @param warnings        lines for the runner to print
     */
    public record IngestResult(boolean duplicate, int aggregates, long samples, long overflowSamples, long lostSamples,
            List<String> warnings) {
        public IngestResult {
            warnings = List.copyOf(warnings);
        }

        static IngestResult duplicateBatch() {
            return new IngestResult(true, 0, 0, 0, 0, List.of());
        }

        /** The answer's body as the wire types describe it. */
        public IngestResponse toWire() {
            return new IngestResponse(duplicate, aggregates, samples, overflowSamples, lostSamples, warnings);
        }
    }

    /** Samples may be this far before the run's creation or after the service's now (clock skew, late sends). */
    static final Duration TIME_WINDOW = Duration.ofHours(1);

    private final Database db;
    private final RunStore runs;
    private final MetricStore metrics;
    private final Clock clock;
    private final Duration timeout;
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();
    /**
     * When each run last sent anything, stored or not (a push answered 503 because the disk was
     * full counts too): the runner is alive, so the run must not time out meanwhile.
     */
    private final Map<Long, Long> lastAttempt = new ConcurrentHashMap<>();
    private final JoinedRuns joined;

    public RunService(Database db, RunStore runs, Clock clock, Duration timeout) {
        this(db, runs, clock, timeout, MetricStore.DEFAULT_SERIES_BUDGET);
    }

    /** With {@code seriesBudget} series per run before new tag sets fold into overflow series. */
    public RunService(Database db, RunStore runs, Clock clock, Duration timeout, int seriesBudget) {
        this.db = db;
        this.runs = runs;
        this.clock = clock;
        this.timeout = timeout;
        this.joined = new JoinedRuns(db, runs, clock);
        this.metrics = new MetricStore(seriesBudget);
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

    /** A v1 JSON batch: read, validated, then stored as {@link #ingestAggregates} does. */
    public IngestResult ingest(Principal principal, long runId, String batchKey, List<WireSample> samples)
            throws SQLException, ApiException {
        SampleReader reader = new SampleReader();
        Map<SecondAggregate.Key, SecondAggregate> aggregates;
        try {
            aggregates = reader.read(samples);
        } catch (BadSamplesException e) {
            throw refuseBatch(principal, runId, samples.size(), new ApiException(400, 0, e.getMessage(), e.fieldErrors()));
        }
        return ingestAggregates(principal, runId, batchKey, aggregates.values(), reader.notANumber());
    }

    /**
     * Stores a batch's per-second aggregates, whichever protocol brought them: idempotent by
     * batch key, refused (403 code 4, counted as lost) when the run is over, 400 with field
     * errors when its times lie far outside the run. Past the series budget new series fold
     * into overflow series (see {@link MetricStore}); the result says so.
     *
     * @param notANumber values the decoder skipped because they were NaN or infinite (counted as lost)
     */
    public IngestResult ingestAggregates(Principal principal, long runId, String batchKey,
            Collection<SecondAggregate> aggregates, long notANumber) throws SQLException, ApiException {
        return ingestAggregates(principal, runId, batchKey, aggregates, notANumber,
                aggregates.stream().mapToLong(SecondAggregate::count).sum());
    }

    /**
     * As {@link #ingestAggregates(Principal, long, String, Collection, long)}, for a protocol
     * that says how many samples the batch stands for (k6 v1's v2 protocol sends a counter's
     * sum per second, not how many samples made it).
     */
    public IngestResult ingestAggregates(Principal principal, long runId, String batchKey,
            Collection<SecondAggregate> aggregates, long notANumber, long samples) throws SQLException, ApiException {
        TestRun run = find(principal, runId);
        long previousAttempt = noteAttempt(runId);
        ApiException badTime = checkTimes(run, aggregates);
        if (badTime != null) {
            throw refuse(run, samples, badTime, previousAttempt);
        }
        ReentrantLock lock = locks.computeIfAbsent(runId, id -> new ReentrantLock());
        lock.lock();
        try {
            return ingestLocked(principal, runId, batchKey, samples, aggregates, notANumber, previousAttempt);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Counts a batch that is refused as a whole (malformed) among the run's losses and as
     * activity for the idle timeout (the runner is still sending), then returns {@code why}
     * for the caller to throw. {@code samples} is how many the batch held as far as known.
     */
    public ApiException refuseBatch(Principal principal, long runId, long samples, ApiException why)
            throws SQLException, ApiException {
        TestRun run = find(principal, runId);
        return refuse(run, samples, why, noteAttempt(runId));
    }

    private ApiException refuse(TestRun run, long samples, ApiException why, long previousAttempt) throws SQLException {
        LossReason reason = why.status() == 413 || why.status() == 415 ? LossReason.UNREADABLE_BATCH
                : LossReason.MALFORMED_BATCH;
        long runId = run.id();
        ReentrantLock lock = locks.computeIfAbsent(runId, id -> new ReentrantLock());
        lock.lock();
        try {
            long now = clock.millis();
            long cutoff = previousAttempt >= now - timeout.toMillis() ? Long.MIN_VALUE : now - timeout.toMillis();
            db.inTransaction(c -> {
                if (run.state() == RunState.RUNNING) {
                    runs.touchIfLive(c, runId, now, cutoff);
                }
                SampleLosses.add(c, runId, reason, 1, samples, why.getMessage());
                return null;
            });
        } finally {
            lock.unlock();
        }
        return why;
    }

    private ApiException checkTimes(TestRun run, Collection<SecondAggregate> aggregates) {
        long earliest = (run.createdAt() - TIME_WINDOW.toMillis()) / 1000;
        long latest = (clock.millis() + TIME_WINDOW.toMillis()) / 1000;
        Map<String, List<String>> errors = new java.util.TreeMap<>();
        for (SecondAggregate a : aggregates) {
            String problem = a.second() < earliest ? "more than " + TIME_WINDOW.toMinutes() + " min before the run was created"
                    : a.second() > latest ? "more than " + TIME_WINDOW.toMinutes() + " min in the service's future" : null;
            if (problem != null && errors.size() < 10) {
                errors.computeIfAbsent("time", k -> new java.util.ArrayList<>())
                        .add("'" + a.metric() + "' at " + java.time.Instant.ofEpochSecond(a.second()) + " is " + problem);
            }
        }
        return errors.isEmpty() ? null : new ApiException(400, 0, "samples with times far outside test run " + run.id()
                + " (" + java.time.Instant.ofEpochMilli(run.createdAt()) + " on); check the runner's clock", errors);
    }

    private IngestResult ingestLocked(Principal principal, long runId, String batchKey, long samples,
            Collection<SecondAggregate> aggregates, long notANumber, long previousAttempt)
            throws SQLException, ApiException {
        long now = clock.millis();
        long cutoff = previousAttempt >= now - timeout.toMillis() ? Long.MIN_VALUE : now - timeout.toMillis();
        IngestResult result = db.inTransaction(c -> {
            TestRun run = runs.find(c, principal.orgId(), runId).orElseThrow(() -> unknownRun(runId));
            if (run.state() != RunState.RUNNING || !runs.touchIfLive(c, runId, now, cutoff)) {
                return null;
            }
            if (batchKey != null) {
                if (alreadyIngested(c, runId, batchKey)) {
                    return IngestResult.duplicateBatch();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO ingested_batches (run_id, batch_key, received_at, sample_count) VALUES (?, ?, ?, ?)")) {
                    ps.setLong(1, runId);
                    ps.setString(2, batchKey);
                    ps.setLong(3, now);
                    ps.setInt(4, (int) Math.min(Integer.MAX_VALUE, samples));
                    ps.executeUpdate();
                }
            }
            MetricStore.WriteResult written = metrics.write(c, runId, aggregates);
            SampleLosses.add(c, runId, LossReason.NOT_A_NUMBER, 0, notANumber, null);
            return new IngestResult(false, aggregates.size(), written.samples(), written.overflowSamples(),
                    written.lostSamples() + notANumber, warnings(written, notANumber));
        });
        if (result == null) {
            // Over, or idle past the timeout but not yet swept: time it out now, count the batch, refuse.
            lastAttempt.remove(runId);
            sweepTimeouts();
            db.inTransaction(c -> {
                SampleLosses.add(c, runId, LossReason.AFTER_END, 1, samples, null);
                return null;
            });
            throw refused(find(principal, runId));
        }
        return result;
    }

    private List<String> warnings(MetricStore.WriteResult w, long notANumber) {
        List<String> lines = new java.util.ArrayList<>();
        if (w.overflowSamples() > 0) {
            lines.add(w.overflowSamples() + " samples of " + String.join(", ", w.foldedMetrics())
                    + " went into one overflow series per metric: the run has reached its budget of "
                    + metrics.seriesBudget() + " series (metric + tag set); totals and percentiles stay exact, "
                    + "those tag sets are not kept apart");
        }
        if (w.lostSamples() > 0) {
            lines.add(w.lostSamples() + " samples not stored: " + LossReason.TOO_MANY_METRICS.description());
        }
        if (notANumber > 0) {
            lines.add(notANumber + " samples not stored: " + LossReason.NOT_A_NUMBER.description());
        }
        return lines;
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
                countRunnerDrops(runId, request, instanceId);
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

    private void countRunnerDrops(long runId, TestFinishedRequest request, String instanceId) throws SQLException {
        if (request.droppedSamples() != null && request.droppedSamples() > 0) {
            db.inTransaction(c -> {
                SampleLosses.add(c, runId, LossReason.RUNNER_DROPPED, 0, request.droppedSamples(),
                        instanceId == null ? "reported by the runner at finish" : "reported by instance " + instanceId);
                return null;
            });
        }
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
        long cutoff = now - timeout.toMillis();
        lastAttempt.values().removeIf(t -> t < cutoff);
        for (Map.Entry<Long, Long> e : lastAttempt.entrySet()) {
            // pushes that could not be stored (storage fault) still show the runner is alive
            runs.heardFrom(e.getKey(), e.getValue());
        }
        return runs.timeOutIdle(cutoff, now);
    }

    /** Notes that the run's runner sent something now; returns when it last did before (0: never). */
    private long noteAttempt(long runId) {
        Long previous = lastAttempt.put(runId, clock.millis());
        return previous == null ? 0 : previous;
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
