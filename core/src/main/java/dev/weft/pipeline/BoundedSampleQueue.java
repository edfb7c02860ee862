package dev.weft.pipeline;

import dev.weft.metrics.Sample;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A lock-free multi-producer, single-consumer queue of samples with a size bound. Producers (VU
 * threads) never wait: when the bound is reached the sample is counted as dropped instead.
 * The consumer is whoever holds the pipeline's drain lock.
 */
final class BoundedSampleQueue {
    /** Each element is a {@link Sample} or a {@code List<Sample>} pushed as one unit. */
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong size = new AtomicLong();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final long capacity;

    BoundedSampleQueue(long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Enqueues, or counts a drop when full; returns whether the sample was kept. */
    boolean offer(Sample sample) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            dropped.increment();
            return false;
        }
        queue.offer(sample);
        accepted.increment();
        return true;
    }

    /**
     * Enqueues the samples as one unit when the queue has room for at least one more sample (the
     * bound may be passed by part of a unit), else counts them all as dropped. Judging a unit like
     * a single sample keeps drops under overload unbiased: were a unit refused where a single
     * still fits, a request's eleven samples would be lost more often than its check.
     */
    boolean offerAll(List<Sample> samples) {
        int n = samples.size();
        if (n == 0) {
            return true;
        }
        if (size.addAndGet(n) - n >= capacity) {
            size.addAndGet(-n);
            dropped.add(n);
            return false;
        }
        queue.offer(samples);
        accepted.add(n);
        return true;
    }

    void countDropped(long n) {
        dropped.add(n);
    }

    /** Moves queued samples into {@code into} until at least {@code max} moved or none are left; consumer only. */
    @SuppressWarnings("unchecked")
    int drainTo(List<Sample> into, int max) {
        int n = 0;
        Object o;
        while (n < max && (o = queue.poll()) != null) {
            if (o instanceof Sample s) {
                into.add(s);
                n++;
            } else {
                List<Sample> unit = (List<Sample>) o;
                into.addAll(unit);
                n += unit.size();
            }
        }
        if (n > 0) {
            size.addAndGet(-n);
        }
        return n;
    }

    long size() {
        return size.get();
    }

    long dropped() {
        return dropped.sum();
    }

    long accepted() {
        return accepted.sum();
    }
}
