package dev.weft.output.cloud;

import dev.weft.cloud.wire.LogBatch;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.locks.LockSupport;
import org.tinylog.Logger;

/**
 * Streams the run's log lines to the service, beside the metrics: about once a push interval
 * it takes up to {@value #MAX_LINES} lines out of the {@link LogBuffer} and posts them to
 * {@code /v1/tests/{id}/logs}, one batch at a time, retrying with backoff (the service stores a
 * re-sent line once). A service without that endpoint (404/405/501, e.g. genuine k6 cloud) ends
 * log sending for the run: lines are then counted as dropped, never sent again. Every outcome is
 * counted in the {@link LogTally}.
 *
 * <p>{@link #run()} runs on one virtual thread of the output; {@link #finish(long)} is called
 * from the CLI thread at stop.
 */
final class LogSender implements Runnable {
    static final int MAX_LINES = 1000;

    private final CloudConfig config;
    private final String referenceId;
    private final String instance;
    private final CloudApiClient client;
    private final LogBuffer buffer;
    private final LogTally tally;
    private final Clock clock;
    private final Backoff backoff;
    private volatile boolean stopping;
    private volatile long deadlineMillis = Long.MAX_VALUE;

    LogSender(CloudConfig config, String referenceId, String instance, CloudApiClient client, LogBuffer buffer,
            LogTally tally, Clock clock) {
        this.config = config;
        this.referenceId = referenceId;
        this.instance = instance;
        this.client = client;
        this.buffer = buffer;
        this.tally = tally;
        this.clock = clock;
        this.backoff = new Backoff(clock, config.maxBackoff());
    }

    /** Sends what is left until {@code deadline}, then {@link #run()} returns. */
    void finish(long deadline) {
        deadlineMillis = deadline;
        stopping = true;
    }

    @Override
    public void run() {
        long interval = Math.max(50, Math.min(1000, config.pushInterval().toMillis()));
        while (true) {
            boolean last = stopping;
            LogBuffer.Taken taken = buffer.take(MAX_LINES);
            if (!taken.lines().isEmpty()) {
                if (!deliver(taken)) {
                    return;
                }
                continue;
            }
            if (last) {
                return;
            }
            long next = clock.millis() + interval;
            while (!stopping && clock.millis() < next) {
                LockSupport.parkNanos(Math.min(50, Math.max(1, next - clock.millis())) * 1_000_000L);
            }
        }
    }

    /** Sends one batch until it is taken, refused, or stop's deadline passes; false to stop sending. */
    private boolean deliver(LogBuffer.Taken taken) {
        LogBatch batch = new LogBatch(instance, taken.lines());
        int failures = 0;
        while (true) {
            try {
                LogBatch.Answer answer = client.pushLogs(referenceId, batch);
                long limited = Math.min(answer.dropped(), taken.logged());
                tally.stored(taken.logged() - limited);
                tally.dropped(LogTally.Reason.SERVICE_LIMIT, limited);
                return true;
            } catch (CloudRequestException e) {
                if (e.status() == 404 || e.status() == 405 || e.status() == 501) {
                    tally.dropped(LogTally.Reason.NOT_SUPPORTED, taken.logged() + buffer.close());
                    Logger.debug("cloud output: the service takes no logs ({}); log lines are not sent", e.getMessage());
                    return false;
                }
                if (!e.retryable()) {
                    Logger.warn("cloud output: a batch of log lines was refused and dropped: {}", e.getMessage());
                    tally.dropped(LogTally.Reason.REFUSED, taken.logged());
                    return true;
                }
                failures++;
            } catch (IOException e) {
                failures++;
            }
            if (!backoff.await(failures, deadlineMillis)) {
                tally.dropped(LogTally.Reason.STOP_TIMEOUT, taken.logged());
                return false;
            }
        }
    }
}
