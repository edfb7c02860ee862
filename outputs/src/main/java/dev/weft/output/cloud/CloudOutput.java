package dev.weft.output.cloud;

import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.CreateTestRunResponse;
import dev.weft.cloud.wire.TestFinishedRequest;
import dev.weft.cloud.wire.TestRunRequest;
import dev.weft.cloud.wire.WireSample;
import dev.weft.metrics.MetricType;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.output.Output;
import dev.weft.output.OutputParams;
import dev.weft.output.RunStatus;
import dev.weft.output.WithRunStatus;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code --out cloud}: creates a test run at start, streams per-second aggregates about once
 * a second, and finishes the run at stop with the run status.
 *
 * <p>Threads: the sample pipeline's consumer calls {@link #addMetricSamples}, which only
 * enqueues (never blocks; past {@link #MAX_PENDING_SAMPLES} it drops and counts). An
 * aggregator virtual thread folds samples into seconds and cuts a {@link Batch} per push
 * interval; a sender virtual thread delivers batches oldest first, retrying with backoff on
 * connection loss or 5xx while {@link BatchQueue} bounds what is kept. {@link #stop()} (CLI
 * thread) flushes, waits up to the stop timeout, then finishes the run. The CLI should call
 * {@link #description()} after {@link #start()} to print the run URL.
 *
 * <p>Several instances (one execution segment each) can share one run, see {@link SharedRun}:
 * they join it by key and finish their own part, or push into an existing run. In a shared run
 * gauges carry an {@code instance_id} tag, since one instance's VU count must not overwrite
 * another's; counters, rates and trends merge at the service as they are.
 */
public final class CloudOutput implements Output, WithRunStatus {
    /** Samples waiting for the aggregator beyond this are dropped (and counted), never blocked on. */
    public static final long MAX_PENDING_SAMPLES = 2_000_000;
    /** Largest number of aggregates in one request. */
    static final int MAX_BATCH_SAMPLES = 5_000;
    private static final System.Logger LOG = System.getLogger("dev.weft.output.cloud");

    private final CloudConfig config;
    private final SharedRun shared;
    private final OutputParams params;
    private final Clock clock;
    private final CloudApiClient client;
    private final ConcurrentLinkedQueue<List<Sample>> incoming = new ConcurrentLinkedQueue<>();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong droppedInput = new AtomicLong();
    private final AtomicLong sentBatches = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final BatchQueue queue;
    private final SecondAggregator aggregator = new SecondAggregator();
    private volatile RunStatus runStatus = RunStatus.FINISHED;
    private volatile Map<String, Map<String, Boolean>> thresholdResults;
    private volatile boolean stopping;
    private volatile boolean aggregatorDone;
    private volatile boolean refused;
    private volatile long stopDeadlineMillis = Long.MAX_VALUE;
    private String referenceId;
    private String runUrl;
    private Thread aggregatorThread;
    private Thread senderThread;

    public CloudOutput(CloudConfig config, OutputParams params, Clock clock) {
        this.config = config;
        this.shared = SharedRun.resolve(params.env() == null ? Map.of() : params.env());
        this.params = params;
        this.clock = clock;
        this.client = new CloudApiClient(config.host(), config.token(), config.requestTimeout());
        this.queue = new BatchQueue(config.maxBufferedBatches());
    }

    @Override
    public String description() {
        return "cloud (" + (runUrl != null ? runUrl : config.host()) + ")";
    }

    /** The run's reference id at the service, once started. */
    public String referenceId() {
        return referenceId;
    }

    /** How this instance takes part in a shared run (from the environment). */
    public SharedRun sharedRun() {
        return shared;
    }

    public String runUrl() {
        return runUrl;
    }

    @Override
    public void start() throws Exception {
        if (config.token() == null) {
            throw new IllegalStateException("no cloud token: run 'weft login cloud' or set K6_CLOUD_TOKEN");
        }
        if (shared.pushRefId() != null) {
            referenceId = shared.pushRefId();
            runUrl = config.host() + "/runs/" + referenceId;
        } else {
            create();
        }
        aggregatorThread = Thread.ofVirtual().name("weft-cloud-aggregator").start(this::aggregateLoop);
        senderThread = Thread.ofVirtual().name("weft-cloud-sender").start(this::sendLoop);
    }

    private void create() throws IOException {
        CreateTestRunResponse created;
        try {
            created = client.createTestRun(new TestRunRequest(runName(), config.projectId(), params.maxVus(),
                    params.thresholds() == null ? Map.of() : params.thresholds(),
                    params.maxDuration() == null ? -1 : params.maxDuration().toSeconds()), shared);
        } catch (IOException e) {
            throw new IOException("cannot create a test run at " + config.host() + ": " + describe(e), e);
        } catch (CloudRequestException e) {
            String what = shared.runKey() != null ? "create or join the test run '" + shared.runKey() + "'"
                    : "create a test run";
            throw new IOException("cannot " + what + " at " + config.host() + ": " + e.getMessage(), e);
        }
        referenceId = created.referenceId();
        runUrl = created.runUrl() != null ? created.runUrl() : config.host() + "/runs/" + referenceId;
        if (created.logs() != null) {
            created.logs().forEach(l -> LOG.log(Level.INFO, "cloud: " + l.message()));
        }
    }

    private String runName() {
        if (config.name() != null) {
            return config.name();
        }
        if (params.scriptPath() == null || params.scriptPath().isBlank() || params.scriptPath().equals("-")) {
            return "k6 test";
        }
        Path file = Path.of(params.scriptPath()).getFileName();
        return file == null ? params.scriptPath() : file.toString();
    }

    @Override
    public void addMetricSamples(List<Sample> samples) {
        if (samples.isEmpty() || stopping || refused) {
            return;
        }
        if (pending.addAndGet(samples.size()) > MAX_PENDING_SAMPLES) {
            pending.addAndGet(-samples.size());
            droppedInput.addAndGet(samples.size());
            return;
        }
        incoming.add(samples);
    }

    @Override
    public void setRunStatus(RunStatus status) {
        this.runStatus = status;
    }

    /**
     * Per metric, per threshold source: true when it failed. The CLI sets this before
     * {@link #stop()} when it knows; without it the result is failed only for a threshold abort.
     */
    public void setThresholdResults(Map<String, Map<String, Boolean>> results) {
        this.thresholdResults = results;
    }

    private void aggregateLoop() {
        long tick = Math.min(100, config.pushInterval().toMillis());
        long nextCut = clock.millis() + config.pushInterval().toMillis();
        while (!stopping) {
            drainIncoming();
            long now = clock.millis();
            if (now >= nextCut) {
                // A second is cut once it is a full second old, so stragglers from the pipeline still fit.
                enqueue(aggregator.takeBefore(Math.floorDiv(now, 1000L) - 1));
                nextCut = now + config.pushInterval().toMillis();
            }
            try {
                Thread.sleep(tick);
            } catch (InterruptedException e) {
                break;
            }
        }
        drainIncoming();
        enqueue(aggregator.takeBefore(Long.MAX_VALUE));
        aggregatorDone = true;
        queue.wake();
    }

    private void drainIncoming() {
        List<Sample> list;
        while ((list = incoming.poll()) != null) {
            pending.addAndGet(-list.size());
            for (Sample s : list) {
                aggregator.add(shared.shared() && s.metric().type() == MetricType.GAUGE
                        ? new Sample(s.metric(), (s.tags() == null ? Tags.EMPTY : s.tags()).with(SharedRun.INSTANCE_TAG, shared.instanceId()),
                                s.timeMillis(), s.value())
                        : s);
            }
        }
    }

    private void enqueue(List<WireSample> samples) {
        for (int from = 0; from < samples.size(); from += MAX_BATCH_SAMPLES) {
            List<WireSample> part = new ArrayList<>(samples.subList(from, Math.min(samples.size(), from + MAX_BATCH_SAMPLES)));
            long count = part.stream().mapToLong(SecondAggregator::countOf).sum();
            queue.add(new Batch(UUID.randomUUID().toString(), part, count));
        }
    }

    private void sendLoop() {
        int failures = 0;
        while (!refused) {
            Batch batch;
            try {
                batch = queue.peek(config.pushInterval().toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (batch == null) {
                if (aggregatorDone) {
                    return;
                }
                continue;
            }
            try {
                client.pushMetrics(referenceId, batch);
                queue.remove(batch);
                sentBatches.incrementAndGet();
                if (failures > 0) {
                    LOG.log(Level.INFO, "cloud output: connection to " + config.host() + " is back");
                }
                failures = 0;
            } catch (CloudRequestException e) {
                if (e.noMoreMetrics()) {
                    LOG.log(Level.WARNING, "cloud output: the service takes no more metrics: " + e.getMessage());
                    refused = true;
                    queue.discardAll();
                    return;
                }
                if (!e.retryable()) {
                    LOG.log(Level.WARNING, "cloud output: a metrics batch was refused and dropped: " + e.getMessage());
                    queue.discard(batch);
                    continue;
                }
                failures = failed(failures, e);
            } catch (IOException e) {
                failures = failed(failures, e);
            }
            if (failures > 0 && !backOff(failures)) {
                return;
            }
        }
    }

    private int failed(int failures, Exception e) {
        failedAttempts.incrementAndGet();
        LOG.log(Level.WARNING, "cloud output: sending metrics to " + config.host() + " failed, will retry ("
                + queue.size() + " batches waiting): " + describe(e));
        return failures + 1;
    }

    /** Waits before the next attempt; false when stop's deadline has passed. */
    private boolean backOff(int failures) {
        long wait = Math.min(config.maxBackoff().toMillis(), 250L << Math.min(failures, 10));
        long until = clock.millis() + wait;
        while (clock.millis() < until) {
            if (clock.millis() >= stopDeadlineMillis) {
                return false;
            }
            try {
                Thread.sleep(Math.min(50, Math.max(1, until - clock.millis())));
            } catch (InterruptedException e) {
                return false;
            }
        }
        return clock.millis() < stopDeadlineMillis;
    }

    private static String describe(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public void stop() throws Exception {
        if (referenceId == null) {
            client.close();
            return;
        }
        stopDeadlineMillis = clock.millis() + config.stopTimeout().toMillis();
        stopping = true;
        aggregatorThread.interrupt();
        aggregatorThread.join();
        senderThread.join(Math.max(1, config.stopTimeout().toMillis() + 1000));
        senderThread.interrupt();
        queue.discardAll();
        reportDrops();
        try {
            if (!refused && shared.pushRefId() == null) {
                finishRun();
            }
        } finally {
            client.close();
        }
    }

    private void finishRun() throws Exception {
        Map<String, Map<String, Boolean>> results = thresholdResults != null ? thresholdResults : Map.of();
        boolean failed = runStatus == RunStatus.ABORTED_THRESHOLD
                || results.values().stream().anyMatch(m -> m.containsValue(Boolean.TRUE));
        TestFinishedRequest finish = new TestFinishedRequest(failed ? CloudApi.RESULT_FAILED : CloudApi.RESULT_PASSED,
                runStatus.k6Code(), results);
        Exception last = null;
        int attempt = 0;
        do {
            try {
                if (shared.runKey() != null) {
                    client.finish(referenceId, finish, shared.instanceId());
                } else {
                    client.finish(referenceId, finish);
                }
                return;
            } catch (CloudRequestException e) {
                if (!e.retryable()) {
                    throw new IOException("the service did not finish test run " + referenceId + ": " + e.getMessage(), e);
                }
                last = e;
            } catch (IOException e) {
                last = e;
            }
            attempt++;
        } while (backOff(attempt));
        throw new IOException("could not finish test run " + referenceId + " at " + config.host() + ": "
                + describe(last), last);
    }

    private void reportDrops() {
        CloudOutputStats s = stats();
        if (s.droppedBatches() > 0 || s.droppedInputSamples() > 0) {
            LOG.log(Level.WARNING, "cloud output: " + s.droppedBatches() + " batches (" + s.droppedSamples()
                    + " samples) could not be delivered and " + s.droppedInputSamples() + " samples were dropped on input");
        }
    }

    /** Delivery counters so far; safe from any thread. */
    public CloudOutputStats stats() {
        return new CloudOutputStats(sentBatches.get(), failedAttempts.get(), queue.droppedBatches(),
                queue.droppedSamples(), droppedInput.get(), queue.size());
    }

    /** How long stop() may take at most, for callers that budget their shutdown. */
    public Duration stopTimeout() {
        return config.stopTimeout();
    }
}
