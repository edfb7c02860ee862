package dev.weft.output.cloud;

import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.CreateTestRunResponse;
import dev.weft.cloud.wire.TestFinishedRequest;
import dev.weft.cloud.wire.TestRunRequest;
import dev.weft.metrics.MetricType;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.output.LogLine;
import dev.weft.output.Output;
import dev.weft.output.OutputParams;
import dev.weft.output.RunStatus;
import dev.weft.output.WithRunStatus;
import dev.weft.output.WithLogLines;
import dev.weft.output.WithTestRunStop;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.tinylog.Logger;

/**
 * {@code --out cloud}: creates a test run at start, streams per-second aggregates about once
 * a push interval, and finishes the run at stop with the run status; at the end it prints one
 * line with what the service confirmed against what was measured, and what was dropped why.
 *
 * <p>Threads: the sample pipeline's consumer calls {@link #addMetricSamples}, which folds the
 * samples into the {@link SeriesBuffer} (a short lock, no I/O, never waits for the network).
 * The buffer is bounded in bytes: past its budget it merges seconds, then drops the oldest
 * aggregates, and counts them. A {@link BatchSender} on its own virtual thread takes closed
 * seconds out, encodes them ({@link V2BatchEncoder}) and delivers one batch at a time, retrying
 * with backoff under the same idempotency key. {@link #stop()} (CLI thread) lets the sender deliver what is left
 * until the stop timeout, then finishes the run. The CLI should call {@link #description()}
 * after {@link #start()} to print the run URL.
 *
 * <p>What the run logs ({@link WithLogLines}) goes to the service beside the samples: a bounded
 * {@link LogBuffer} (a full one drops lines and counts them) and a {@link LogSender} on its own
 * virtual thread; a service without the log endpoint (genuine k6 cloud) makes it stop sending.
 * The end line counts stored and dropped lines too.
 *
 * <p>When a push is answered 403 with error code 4 (the service takes no more metrics for this
 * run) the output stops sending, as k6's does; with stop-on-error it also ends the test run
 * through the {@link WithTestRunStop} callback.
 *
 * <p>Several instances (one execution segment each) can share one run, see {@link SharedRun}:
 * they join it by key and finish their own part, or push into an existing run. In a shared run
 * gauges carry an {@code instance_id} tag, since one instance's VU count must not overwrite
 * another's; counters, rates and trends merge at the service as they are.
 */
public final class CloudOutput implements Output, WithRunStatus, WithTestRunStop, WithLogLines {
    private volatile CloudConfig config;
    private final SharedRun shared;
    private final OutputParams params;
    private final Clock clock;
    private final CloudApiClient client;
    private final SeriesBuffer buffer;
    private final DeliveryTally tally = new DeliveryTally();
    private final UnaryOperator<Sample> tagger;
    private volatile RunStatus runStatus = RunStatus.FINISHED;
    private volatile Map<String, Map<String, Boolean>> thresholdResults;
    private volatile java.time.Duration testDuration;
    private volatile Consumer<String> testRunStop;
    private volatile boolean stopping;
    private volatile long stopDeadlineMillis = Long.MAX_VALUE;
    private String referenceId;
    private String runUrl;
    private volatile BatchSender sender;
    private Thread senderThread;
    private final LogBuffer logs;
    private final LogTally logTally = new LogTally();
    private LogSender logSender;
    private Thread logThread;

    public CloudOutput(CloudConfig config, OutputParams params, Clock clock) {
        this.config = config;
        this.shared = SharedRun.resolve(params.env() == null ? Map.of() : params.env());
        this.params = params;
        this.clock = clock;
        this.client = new CloudApiClient(config.host(), config.token(), config.requestTimeout());
        this.buffer = new SeriesBuffer(config.bufferBytes());
        this.logs = LogBuffer.fromEnv(params.env());
        this.tagger = shared.shared() ? this::tagInstance : s -> s;
    }

    private Sample tagInstance(Sample s) {
        return s.metric().type() != MetricType.GAUGE ? s : new Sample(s.metric(),
                (s.tags() == null ? Tags.EMPTY : s.tags()).with(SharedRun.INSTANCE_TAG, shared.instanceId()),
                s.timeMillis(), s.value());
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
    public void setTestRunStopCallback(Consumer<String> stop) {
        this.testRunStop = stop;
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
        sender = new BatchSender(config, referenceId, client, buffer, new V2BatchEncoder(), tally, clock, reason -> {
            Consumer<String> stop = testRunStop;
            if (stop != null) {
                stop.accept(reason);
            }
        });
        senderThread = Thread.ofVirtual().name("weft-cloud-sender").start(sender);
        logSender = new LogSender(config, referenceId, logInstance(), client, logs, logTally, clock);
        logThread = Thread.ofVirtual().name("weft-cloud-logs").start(logSender);
    }

    /**
     * The log instance of this process: "" for a run of its own; in a shared run the instance id
     * and a random suffix, since lines are numbered from 1 per process (a restarted instance with
     * the same id must not look like a re-send).
     */
    private String logInstance() {
        return shared.shared() ? shared.instanceId() + "#" + Integer.toHexString(new SecureRandom().nextInt()) : "";
    }

    private void create() throws IOException {
        CreateTestRunResponse created;
        try {
            created = client.createTestRun(new TestRunRequest(runName(), config.projectId(), params.maxVus(),
                    params.thresholds() == null ? Map.of() : params.thresholds(),
                    params.maxDuration() == null ? -1 : params.maxDuration().toSeconds()), shared);
        } catch (IOException e) {
            throw new IOException("cannot create a test run at " + config.host() + ": " + Backoff.describe(e), e);
        } catch (CloudRequestException e) {
            String what = shared.runKey() != null ? "create or join the test run '" + shared.runKey() + "'"
                    : "create a test run";
            throw new IOException("cannot " + what + " at " + config.host() + ": " + e.getMessage(), e);
        }
        referenceId = created.referenceId();
        config = config.withService(created.config());
        runUrl = created.runUrl() != null ? created.runUrl() : config.host() + "/runs/" + referenceId;
        if (created.logs() != null) {
            created.logs().forEach(this::serviceLog);
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

    /** A message from the create answer: warnings to the log, the rest to the console like the run URL. */
    private void serviceLog(CreateTestRunResponse.LogEntry entry) {
        String level = entry.level() == null ? "" : entry.level().toLowerCase(java.util.Locale.ROOT);
        if (level.startsWith("warn") || level.startsWith("err") || params.stdout() == null) {
            Logger.warn("cloud: {}", entry.message());
        } else {
            params.stdout().println("cloud: " + entry.message());
        }
    }

    @Override
    public void addMetricSamples(List<Sample> samples) {
        if (samples.isEmpty() || stopping) {
            return;
        }
        BatchSender s = sender;
        if (s != null && s.refused()) {
            tally.measured(samples.size());
            tally.dropped(DropReason.SERVICE_STOPPED, samples.size(), 0);
            return;
        }
        tally.measured(buffer.addAll(samples, tagger));
    }

    /**
     * Queues a line the run logged for the service (never waits; a full buffer drops and counts
     * it). Lines that come after {@link #stop()} began are not part of the run's stream.
     */
    @Override
    public void addLogLine(LogLine line) {
        if (stopping) {
            return;
        }
        if (!logs.add(line)) {
            logTally.dropped(LogTally.Reason.NOT_SUPPORTED, 1);
        }
    }

    @Override
    public void setRunStatus(RunStatus status) {
        this.runStatus = status;
    }

    /**
     * What the end of the test decided, sent with the finish call; the CLI sets it before
     * {@link #stop()} when it knows.
     *
     * @param results  per metric, per threshold source: true when it failed (without them the
     *                 result is failed only for a threshold abort)
     * @param duration the test's duration as the end-of-test summary counts it, so the service's
     *                 rates divide by the same time
     */
    public void setTestEnd(Map<String, Map<String, Boolean>> results, java.time.Duration duration) {
        this.thresholdResults = results;
        this.testDuration = duration;
    }

    @Override
    public void stop() throws Exception {
        if (referenceId == null) {
            client.close();
            return;
        }
        stopDeadlineMillis = clock.millis() + config.stopTimeout().toMillis();
        stopping = true;
        sender.finish(stopDeadlineMillis);
        senderThread.join(Math.max(1, config.stopTimeout().toMillis() + 1000));
        senderThread.interrupt();
        senderThread.join(1000);
        SeriesBuffer.Cleared left = buffer.clear();
        tally.dropped(sender.refused() ? DropReason.SERVICE_STOPPED : DropReason.STOP_TIMEOUT, left.samples(),
                left.aggregates());
        stopLogs();
        report();
        try {
            if (!sender.refused() && shared.pushRefId() == null) {
                finishRun();
            }
        } finally {
            client.close();
        }
    }

    /** Lets the log sender deliver what is left until the stop deadline; what is still waiting then is dropped. */
    private void stopLogs() throws InterruptedException {
        logSender.finish(stopDeadlineMillis);
        logThread.join(Math.max(1, stopDeadlineMillis - clock.millis() + 1000));
        logThread.interrupt();
        logThread.join(1000);
        logTally.dropped(LogTally.Reason.STOP_TIMEOUT, logs.close());
        logTally.dropped(LogTally.Reason.BUFFER_FULL, logs.droppedFull());
    }

    private void finishRun() throws Exception {
        Map<String, Map<String, Boolean>> results = thresholdResults != null ? thresholdResults : Map.of();
        boolean failed = runStatus == RunStatus.ABORTED_THRESHOLD
                || results.values().stream().anyMatch(m -> m.containsValue(Boolean.TRUE));
        java.time.Duration ran = testDuration; // sent in whole milliseconds, rounded
        TestFinishedRequest finish = new TestFinishedRequest(failed ? CloudApi.RESULT_FAILED : CloudApi.RESULT_PASSED,
                runStatus.k6Code(), results, null, ran == null ? null : (ran.toNanos() + 500_000) / 1_000_000);
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
        } while (new Backoff(clock, config.maxBackoff()).await(attempt, stopDeadlineMillis));
        throw new IOException("could not finish test run " + referenceId + " at " + config.host() + ": "
                + Backoff.describe(last), last);
    }

    private void report() {
        print(DeliveryTally.summaryLine(stats()));
        if (logsLogged() > 0) {
            print(logTally.summaryLine(logsLogged()));
        }
    }

    private void print(String line) {
        if (params.stdout() != null) {
            params.stdout().println(line);
            params.stdout().flush();
        } else {
            Logger.warn(line);
        }
    }

    /** Log lines the output was given (kept or dropped). */
    public long logsLogged() {
        return logs.accepted() + logs.droppedFull();
    }

    /** Log lines the service stored so far. */
    public long logsStored() {
        return logTally.stored();
    }

    /** Log lines dropped so far, whatever the reason (buffer-full drops counted at stop). */
    public long logsDropped() {
        return logTally.droppedTotal();
    }

    /** What was measured, delivered and dropped so far; safe from any thread. */
    public CloudOutputStats stats() {
        return tally.stats(buffer.stats(), buffer.samples());
    }

    /** How long stop() may take at most, for callers that budget their shutdown. */
    public Duration stopTimeout() {
        return config.stopTimeout();
    }
}
