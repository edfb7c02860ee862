package dev.weft.pipeline;

import dev.weft.metrics.Sample;
import dev.weft.metrics.SampleSink;
import dev.weft.output.Output;
import dev.weft.output.RunStatus;
import dev.weft.output.WithRunStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.tinylog.Logger;

/**
 * The test run's sample pipeline (k6's output manager and metrics ingester in one).
 *
 * <p>Who calls what, on which thread:
 * <ul>
 *   <li>VU threads call {@link #push(Sample)}: lock-free, never blocks; beyond the bound a
 *       sample is counted in {@link #droppedSamples()}, never lost silently.</li>
 *   <li>The CLI calls {@link #start()} once (starts outputs in order, then the flusher
 *       thread), and {@link #close(RunStatus)} once at the end (drains everything, tells
 *       {@link WithRunStatus} outputs the status, stops outputs in order).</li>
 *   <li>A single flusher thread (or, in tests and at the end, any caller of {@link #flush()})
 *       drains the queue, applies the batch to every {@link SampleIngester} and then hands the
 *       same unmodifiable batch to every {@link Output}. Drains are serialized by a lock.</li>
 * </ul>
 */
public final class SamplePipeline implements SampleSink, AutoCloseable {
    /** Default bound on queued samples: about 10 million samples/s at a 100 ms flush period. */
    public static final long DEFAULT_CAPACITY = 1L << 20;
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(50);
    private static final int MAX_BATCH = 1 << 16;

    private final BoundedSampleQueue queue;
    private final List<SampleIngester> ingesters;
    private final List<Output> outputs;
    private final List<Runnable> afterFlush;
    private final Duration flushInterval;
    private final ReentrantLock drainLock = new ReentrantLock();
    private final List<Exception> outputErrors = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private volatile boolean stopFlusher;
    private Thread flusher;
    private List<Output> started = List.of();

    private SamplePipeline(Builder b) {
        this.queue = new BoundedSampleQueue(b.capacity);
        this.ingesters = List.copyOf(b.ingesters);
        this.outputs = List.copyOf(b.outputs);
        this.afterFlush = List.copyOf(b.afterFlush);
        this.flushInterval = b.flushInterval;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Configures a pipeline; used once at start-up by the CLI (or a test). */
    public static final class Builder {
        private long capacity = DEFAULT_CAPACITY;
        private final List<SampleIngester> ingesters = new ArrayList<>();
        private final List<Output> outputs = new ArrayList<>();
        private final List<Runnable> afterFlush = new ArrayList<>();
        private Duration flushInterval = DEFAULT_FLUSH_INTERVAL;

        /** Most samples waiting between drains; more are counted as dropped. */
        public Builder capacity(long capacity) {
            this.capacity = capacity;
            return this;
        }

        /** Adds an in-process consumer (aggregates, group tree), applied in the order added. */
        public Builder ingester(SampleIngester ingester) {
            ingesters.add(Objects.requireNonNull(ingester));
            return this;
        }

        /** Adds an output; outputs are started and stopped in the order added. */
        public Builder output(Output output) {
            outputs.add(Objects.requireNonNull(output));
            return this;
        }

        public Builder outputs(List<? extends Output> list) {
            list.forEach(this::output);
            return this;
        }

        /** Runs on the draining thread after each drain that had samples, e.g. thresholds. */
        public Builder afterEachFlush(Runnable action) {
            afterFlush.add(Objects.requireNonNull(action));
            return this;
        }

        /**
         * How often the flusher thread drains; {@link Duration#ZERO} starts no flusher thread
         * at all, so only explicit {@link SamplePipeline#flush()} calls drain (for tests).
         */
        public Builder flushInterval(Duration interval) {
            this.flushInterval = Objects.requireNonNull(interval);
            return this;
        }

        public SamplePipeline build() {
            return new SamplePipeline(this);
        }
    }

    /**
     * Starts every output in order, then the flusher thread. If an output fails to start, the
     * ones already started are stopped and the error is thrown.
     */
    public void start() throws Exception {
        List<Output> ok = new ArrayList<>();
        for (Output o : outputs) {
            try {
                o.start();
                ok.add(o);
            } catch (Exception e) {
                for (Output s : ok) {
                    stopQuietly(s);
                }
                throw e;
            }
        }
        started = List.copyOf(ok);
        if (!flushInterval.isZero()) {
            flusher = Thread.ofPlatform().daemon().name("weft-sample-pipeline").start(this::flushLoop);
        }
    }

    private void flushLoop() {
        long nanos = flushInterval.toNanos();
        while (!stopFlusher) {
            LockSupport.parkNanos(this, nanos);
            if (stopFlusher) {
                return;
            }
            try {
                flush();
            } catch (RuntimeException e) {
                Logger.error(e, "Sample pipeline flush failed");
            }
        }
    }

    @Override
    public void push(Sample sample) {
        if (closed) {
            queue.countDropped(1);
            return;
        }
        queue.offer(sample);
    }

    @Override
    public void pushAll(List<Sample> samples) {
        if (closed) {
            queue.countDropped(samples.size());
            return;
        }
        queue.offerAll(samples);
    }

    /**
     * Drains the samples queued when called: ingesters first, then outputs in batches. Safe from
     * any thread; concurrent calls take turns. Once producers have stopped, one call empties
     * the queue.
     */
    public void flush() {
        drainLock.lock();
        try {
            // Drain what was queued when we started, so under overload a flush still ends and
            // the after-flush hooks (threshold checks) keep running.
            long remaining = Math.max(1, queue.size());
            boolean any = false;
            while (remaining > 0) {
                List<Sample> batch = new ArrayList<>((int) Math.min(MAX_BATCH, Math.max(16, remaining)));
                int n = queue.drainTo(batch, (int) Math.min(MAX_BATCH, remaining));
                if (n == 0) {
                    break;
                }
                remaining -= n;
                any = true;
                deliver(Collections.unmodifiableList(batch));
            }
            if (any) {
                for (Runnable r : afterFlush) {
                    r.run();
                }
            }
        } finally {
            drainLock.unlock();
        }
    }

    private void deliver(List<Sample> batch) {
        for (SampleIngester i : ingesters) {
            i.ingest(batch);
        }
        for (Output o : started) {
            try {
                o.addMetricSamples(batch);
            } catch (RuntimeException e) {
                outputErrors.add(e);
                Logger.warn(e, "Output {} failed to take samples", o.description());
            }
        }
    }

    /** Samples not kept because the bound was reached or they arrived after close. */
    public long droppedSamples() {
        return queue.dropped();
    }

    /** Samples accepted into the queue so far (drained or still waiting). */
    public long acceptedSamples() {
        return queue.accepted();
    }

    /** Errors outputs threw while taking samples or stopping; empty when all went well. */
    public List<Exception> outputErrors() {
        return List.copyOf(outputErrors);
    }

    /** Same as {@link #close(RunStatus)} without telling outputs a run status. */
    @Override
    public void close() {
        close(null);
    }

    /**
     * Ends the pipeline: later pushes count as dropped, the flusher stops, everything queued is
     * drained, {@link WithRunStatus} outputs learn {@code status} (if not null), then outputs
     * stop in the order they were added. Output errors are logged and kept in
     * {@link #outputErrors()}. Idempotent.
     */
    public void close(RunStatus status) {
        if (closed) {
            return;
        }
        closed = true;
        stopFlusher = true;
        Thread t = flusher;
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        while (queue.size() > 0) {
            flush();
        }
        for (Output o : started) {
            if (status != null && o instanceof WithRunStatus w) {
                try {
                    w.setRunStatus(status);
                } catch (RuntimeException e) {
                    outputErrors.add(e);
                    Logger.warn(e, "Output {} failed to take the run status", o.description());
                }
            }
            stopQuietly(o);
        }
        // A push that passed the closed check while we drained is still counted, not lost.
        List<Sample> late = new ArrayList<>();
        while (queue.drainTo(late, MAX_BATCH) > 0) {
            queue.countDropped(late.size());
            late.clear();
        }
    }

    private void stopQuietly(Output o) {
        try {
            o.stop();
        } catch (Exception e) {
            outputErrors.add(e);
            Logger.warn(e, "Output {} failed to stop", o.description());
        }
    }
}
