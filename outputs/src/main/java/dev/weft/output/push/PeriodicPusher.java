package dev.weft.output.push;

import dev.weft.metrics.Sample;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Buffers samples and hands them to a {@link Push} every push interval on a thread of its own,
 * as k6's {@code SampleBuffer} + {@code PeriodicFlusher} do for its outputs.
 *
 * <p>Threads: the sample pipeline's consumer calls {@link #add(List)}, which only queues (never
 * blocks; past {@code maxPending} samples it drops the batch and counts it). The pusher thread
 * (a platform daemon thread named {@code weft-push-<name>}) calls {@link Push#push} with
 * everything queued since the last push; a push that throws is logged and its samples counted
 * as failed (k6 does not retry either). {@link #stop()} (CLI thread, once) pushes what is left
 * and waits for the thread, then logs one warning if anything was dropped.
 */
public final class PeriodicPusher {
    /** Default bound on samples waiting for the next push: a few seconds of a heavy test. */
    public static final long DEFAULT_MAX_PENDING = 2_000_000;
    private static final System.Logger LOG = System.getLogger("dev.weft.output.push");

    /** Sends one interval's samples; called only on the pusher thread. */
    @FunctionalInterface
    public interface Push {
        /**
         * @return how many of the samples could not be delivered for reasons other than an
         *         exception (e.g. a UDP datagram the OS refused); usually 0
         * @throws Exception when the whole push failed: all its samples count as failed
         */
        long push(List<Sample> samples) throws Exception;
    }

    private final String name;
    private final Duration interval;
    private final long maxPending;
    private final Push push;
    private final ConcurrentLinkedQueue<List<Sample>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong droppedOnInput = new AtomicLong();
    private final AtomicLong failedSamples = new AtomicLong();
    private final AtomicLong pushedSamples = new AtomicLong();
    private final AtomicLong failedPushes = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private volatile boolean stopping;
    private Thread thread;

    public PeriodicPusher(String name, Duration interval, long maxPending, Push push) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(name + ": the push interval must be positive, got " + interval);
        }
        this.name = name;
        this.interval = interval;
        this.maxPending = maxPending;
        this.push = push;
    }

    public void start() {
        thread = Thread.ofPlatform().daemon().name("weft-push-" + name).start(this::run);
    }

    /** Queues samples for the next push; drops and counts them when the buffer is full. */
    public void add(List<Sample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        if (stopping || pending.addAndGet(samples.size()) > maxPending) {
            if (!stopping) {
                pending.addAndGet(-samples.size());
            }
            droppedOnInput.addAndGet(samples.size());
            return;
        }
        queue.add(samples);
    }

    private void run() {
        long next = System.nanoTime() + interval.toNanos();
        while (!stopping) {
            lock.lock();
            try {
                long wait;
                while (!stopping && (wait = next - System.nanoTime()) > 0) {
                    wake.awaitNanos(wait);
                }
            } catch (InterruptedException e) {
                break;
            } finally {
                lock.unlock();
            }
            next = System.nanoTime() + interval.toNanos();
            pushQueued();
        }
        pushQueued();
    }

    private void pushQueued() {
        List<Sample> batch = new ArrayList<>();
        List<Sample> part;
        while ((part = queue.poll()) != null) {
            pending.addAndGet(-part.size());
            batch.addAll(part);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            long lost = Math.max(0, Math.min(batch.size(), push.push(batch)));
            failedSamples.addAndGet(lost);
            pushedSamples.addAndGet(batch.size() - lost);
        } catch (Exception e) {
            failedPushes.incrementAndGet();
            failedSamples.addAndGet(batch.size());
            LOG.log(Level.WARNING, name + " output: a push of " + batch.size() + " samples failed and was dropped: "
                    + message(e));
        }
    }

    /** The innermost useful message of an exception. */
    public static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Pushes what is left, ends the thread and warns once if samples were dropped. Idempotent. */
    public void stop() throws InterruptedException {
        if (thread == null || stopping) {
            return;
        }
        lock.lock();
        try {
            stopping = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        thread.join();
        PushStats s = stats();
        if (s.dropped() > 0) {
            LOG.log(Level.WARNING, name + " output: " + s.dropped() + " of " + (s.dropped() + s.pushed())
                    + " samples were dropped (" + s.droppedOnInput() + " on input with the buffer full, "
                    + s.failed() + " undelivered, " + s.failedPushes() + " failed pushes)");
        }
    }

    /** Counters so far; safe from any thread. */
    public PushStats stats() {
        return new PushStats(pushedSamples.get(), droppedOnInput.get(), failedSamples.get(), failedPushes.get());
    }
}
