package dev.weft.pipeline;

import dev.weft.metrics.Sample;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.tinylog.Logger;

/**
 * Moves an output's writing off the pipeline's consumer thread: {@link #submit(List)} queues a
 * batch and returns; one writer thread of its own hands batches to a {@link BatchHandler} and
 * flushes it whenever it has caught up. If the writer falls {@code maxQueuedBatches} behind,
 * {@code submit} waits for room, which backs samples up into the pipeline's bounded queue where
 * they are counted as dropped rather than growing memory without limit.
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
    private final BlockingQueue<List<Sample>> queue;
    private volatile IOException firstError;
    private Thread thread;

    public BackgroundBatchWriter(String name, int maxQueuedBatches, BatchHandler handler) {
        this.name = name;
        this.handler = handler;
        this.queue = new ArrayBlockingQueue<>(maxQueuedBatches);
    }

    public void start() {
        thread = Thread.ofPlatform().daemon().name("weft-writer-" + name).start(this::run);
    }

    /** Queues a batch for writing; waits only if the writer is far behind. */
    public void submit(List<Sample> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
            if (firstError != null) {
                continue; // keep draining so the pipeline never waits on a broken writer
            }
            try {
                handler.write(batch);
                if (queue.isEmpty()) {
                    handler.flush();
                }
            } catch (IOException e) {
                firstError = e;
                Logger.error(e, "Output {} failed to write; later samples are not written", name);
            }
        }
    }

    /** Writes everything queued, flushes, stops the thread, and throws the first write error. */
    @Override
    public void close() throws IOException {
        if (thread != null) {
            try {
                queue.put(END);
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
