package dev.weft.output.cloud;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * The cloud output's sender: about once a push interval it takes the closed seconds out of
 * the {@link SeriesBuffer}, encodes them and delivers one batch at a time, retrying with
 * backoff (same idempotency key) on connection loss, 5xx or 429, and counts every outcome in
 * the {@link DeliveryTally}. A push answered 403 with error code 4 ends sending for good, as
 * in k6; with stop-on-error it also asks the test to stop.
 *
 * <p>{@link #run()} runs on one virtual thread of the output; {@link #finish(long)} and the
 * getters are called from the CLI and pipeline threads.
 */
final class BatchSender implements Runnable {
    private final CloudConfig config;
    private final String referenceId;
    private final CloudApiClient client;
    private final SeriesBuffer buffer;
    private final BatchEncoder encoder;
    private final DeliveryTally tally;
    private final Clock clock;
    private final Backoff backoff;
    private final Consumer<String> testRunStop;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private volatile boolean refused;
    private volatile long deadlineMillis = Long.MAX_VALUE;
    private boolean warnedOverflow;

    /** @param testRunStop ends the test (stop-on-error), or a no-op when nothing may */
    BatchSender(CloudConfig config, String referenceId, CloudApiClient client, SeriesBuffer buffer,
            BatchEncoder encoder, DeliveryTally tally, Clock clock, Consumer<String> testRunStop) {
        this.config = config;
        this.referenceId = referenceId;
        this.client = client;
        this.buffer = buffer;
        this.encoder = encoder;
        this.tally = tally;
        this.clock = clock;
        this.backoff = new Backoff(clock, config.maxBackoff());
        this.testRunStop = testRunStop;
    }

    /** True once the service said it takes no more metrics for this run. */
    boolean refused() {
        return refused;
    }

    /** Sends everything left, including the open seconds, until {@code deadlineMillis}; then {@link #run()} returns. */
    void finish(long deadline) {
        deadlineMillis = deadline;
        stopping = true;
    }

    @Override
    public void run() {
        long nextPush = clock.millis() + config.pushInterval().toMillis();
        while (!refused) {
            boolean last = stopping;
            // A second is sent once it is a full second old, so stragglers from the pipeline still fit.
            long before = last ? Long.MAX_VALUE : Math.floorDiv(clock.millis(), 1000L) - 1;
            List<SeriesBuffer.Entry> cut = buffer.take(before, config.maxSeriesInBatch());
            if (!cut.isEmpty()) {
                if (!deliver(cut)) {
                    return;
                }
                continue;
            }
            if (last) {
                return;
            }
            while (!stopping && clock.millis() < nextPush) {
                LockSupport.parkNanos(Math.min(50, Math.max(1, nextPush - clock.millis())) * 1_000_000L);
            }
            nextPush = clock.millis() + config.pushInterval().toMillis();
        }
    }

    /** Sends one batch until it is taken, refused, or stop's deadline passes; false to end the loop. */
    private boolean deliver(List<SeriesBuffer.Entry> cut) {
        Batch batch;
        try {
            batch = encoder.encode(referenceId, cut);
        } catch (IOException | RuntimeException e) {
            long samples = cut.stream().mapToLong(entry -> entry.aggregate().count).sum();
            Logger.warn("cloud output: a batch could not be encoded and is dropped: {}", e.getMessage());
            tally.dropped(DropReason.REFUSED, samples, cut.size());
            return true;
        }
        int failures = 0;
        while (true) {
            try {
                Optional<ServiceAnswer> answer = ServiceAnswer.read(client.pushMetrics(batch));
                tally.sent(batch, answer.map(a -> a.confirmed(batch.samples())).orElse(batch.samples()));
                if (failures > 0) {
                    Logger.warn("cloud output: connection to {} is back", config.host());
                }
                answer.ifPresent(this::noteAnswer);
                return true;
            } catch (CloudRequestException e) {
                if (e.noMoreMetrics()) {
                    serviceStopped(batch, e);
                    return false;
                }
                if (!e.retryable()) {
                    Logger.warn("cloud output: a metrics batch was refused and dropped: {}", e.getMessage());
                    tally.dropped(DropReason.REFUSED, batch.samples(), batch.aggregates());
                    return true;
                }
                failures = failed(failures, e);
            } catch (IOException e) {
                failures = failed(failures, e);
            }
            if (!backoff.await(failures, deadlineMillis)) {
                tally.dropped(DropReason.STOP_TIMEOUT, batch.samples(), batch.aggregates());
                return false;
            }
        }
    }

    /** Prints the service's cardinality warning once, and any other warning line once each. */
    private void noteAnswer(ServiceAnswer answer) {
        Optional<String> overflow = answer.overflowWarning();
        if (overflow.isPresent() && !warnedOverflow) {
            warnedOverflow = true;
            Logger.warn("cloud: {}", overflow.get());
        }
        for (String w : answer.warnings()) {
            if (overflow.filter(w::equals).isEmpty() && warned.size() < 100 && warned.add(w)) {
                Logger.warn("cloud: {}", w);
            }
        }
    }

    private void serviceStopped(Batch batch, CloudRequestException e) {
        refused = true;
        tally.dropped(DropReason.SERVICE_STOPPED, batch.samples(), batch.aggregates());
        SeriesBuffer.Cleared left = buffer.clear();
        tally.dropped(DropReason.SERVICE_STOPPED, left.samples(), left.aggregates());
        Logger.warn("cloud output: the service takes no more metrics for this run, sending stops: {}",
                e.getMessage());
        if (config.stopOnError() && !stopping) {
            testRunStop.accept("the test run is stopped: the results service takes no more metrics for it "
                    + e.getMessage());
        }
    }

    private int failed(int failures, Exception e) {
        tally.failedAttempt();
        if (failures == 0 || Integer.bitCount(failures) == 1) {
            Logger.warn("cloud output: sending metrics to {} failed, will retry ({} samples waiting): {}",
                    config.host(), buffer.samples(), Backoff.describe(e));
        }
        return failures + 1;
    }
}
