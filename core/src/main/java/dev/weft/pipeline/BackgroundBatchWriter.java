package dev.weft.pipeline;

import dev.weft.metrics.Sample;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.tinylog.Logger;

/**
 * Moves an output's writing off the pipeline's consumer thread: {@link #submit(List)} queues a
 * batch and returns; one writer thread of its own hands batches to a {@link BatchHandler} and
 * flushes it whenever it has caught up. If the writer falls {@code maxQueuedSamples} samples
 * behind, {@code submit} waits for room, which backs samples up into the pipeline's bounded
 * queue where they are counted as dropped rather than growing memory without limit. (The bound
 * is in samples, not batches: a batch can hold 65,536 samples, so a batch count bounded
 * nothing a soak run would notice.)
 *
 * <p>Used by file outputs (json, csv) and any output with slow I/O. Create, {@link #start()},
 * submit from one thread, then {@link #close()} once.
 */
public final class BackgroundBatchWriter implements AutoCloseable {
    /** Writes batches; called only on the writer thread. */
    public interface BatchHandler {
        void write(List<Sample> batch) throws IOException;

        /** Called when the writer has no batch waiting: make what was written visible. */
        void flush() throws IOException;
    }

    private static final List<Sample> END = List.of();

    private final String name;
    private final BatchHandler handler;
    /** Default bound: about 100 MB of samples waiting for a slow disk. */
    public static final int DEFAULT_MAX_QUEUED_SAMPLES = 1 << 20;

    private final BlockingQueue<List<Sample>> queue = new LinkedBlockingQueue<>();
    private final int maxQueuedSamples;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition room = lock.newCondition();
    private long queuedSamples;
    private volatile IOException firstError;
    private Thread thread;

    public BackgroundBatchWriter(String name, int maxQueuedSamples, BatchHandler handler) {
        this.name = name;
        this.handler = handler;
        this.maxQueuedSamples = Math.max(1, maxQueuedSamples);
    }

    public void start() {
        thread = Thread.ofPlatform().daemon().name("weft-writer-" + name).start(this::run);
    }

    /**
     * Queues a batch for writing; waits only while the writer is more than the bound behind (a
     * batch larger than the bound still goes in once the queue is empty).
     */
    public void submit(List<Sample> batch) {
        if (batch.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            while (queuedSamples > 0 && queuedSamples + batch.size() > maxQueuedSamples) {
                room.await();
            }
            queuedSamples += batch.size();
            queue.add(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void written(int samples) {
        lock.lock();
        try {
            queuedSamples -= samples;
            room.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (true) {
            List<Sample> batch;
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (batch == END) {
                return;
            }
            try {
                if (firstError == null) { // after an error, keep draining so the pipeline never waits
                    handler.write(batch);
                    if (queue.isEmpty()) {
                        handler.flush();
                    }
                }
            } catch (IOException e) {
                firstError = e;
                Logger.error(e, "Output {} failed to write; later samples are not written", name);
            } finally {
                written(batch.size());
            }
        }
    }

    /** Writes everything queued, flushes, stops the thread, and throws the first write error. */
    @Override
    public void close() throws IOException {
        if (thread != null) {
            try {
                queue.add(END);
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (firstError == null) {
            handler.flush();
        }
        if (firstError != null) {
            throw firstError;
        }
    }
}
