package dev.weft.output.cloud;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Batches waiting to be sent, oldest first, bounded: when the service is unreachable for
 * long, the oldest batch is dropped (and counted) to make room, so memory stays flat.
 * The aggregator thread adds; the sender thread peeks, and removes once delivered.
 */
final class BatchQueue {
    private final int capacity;
    private final Deque<Batch> batches = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition added = lock.newCondition();
    private long droppedBatches;
    private long droppedSamples;

    BatchQueue(int capacity) {
        this.capacity = capacity;
    }

    void add(Batch batch) {
        lock.lock();
        try {
            while (batches.size() >= capacity) {
                drop(batches.pollFirst());
            }
            batches.addLast(batch);
            added.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The oldest batch, waiting up to {@code millis} for one; null when none came. */
    Batch peek(long millis) throws InterruptedException {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
            while (batches.isEmpty() && nanos > 0) {
                nanos = added.awaitNanos(nanos);
            }
            return batches.peekFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Removes the batch if it is still queued (it may have been dropped meanwhile). */
    void remove(Batch batch) {
        lock.lock();
        try {
            batches.remove(batch);
        } finally {
            lock.unlock();
        }
    }

    /** Drops a batch the service refused for good. */
    void discard(Batch batch) {
        lock.lock();
        try {
            if (batches.remove(batch)) {
                drop(batch);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Drops everything left, e.g. when giving up at stop. */
    void discardAll() {
        lock.lock();
        try {
            while (!batches.isEmpty()) {
                drop(batches.pollFirst());
            }
        } finally {
            lock.unlock();
        }
    }

    private void drop(Batch b) {
        droppedBatches++;
        droppedSamples += b.sampleCount();
    }

    /** Wakes a waiting {@link #peek}, e.g. at stop. */
    void wake() {
        lock.lock();
        try {
            added.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return batches.size();
        } finally {
            lock.unlock();
        }
    }

    long droppedBatches() {
        lock.lock();
        try {
            return droppedBatches;
        } finally {
            lock.unlock();
        }
    }

    long droppedSamples() {
        lock.lock();
        try {
            return droppedSamples;
        } finally {
            lock.unlock();
        }
    }
}
