package dev.weft.output.cloud;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The cloud output's counters: what it measured, what the service accepted and confirmed, and
 * what was dropped for which reason; and the one line that says so at the end of a run.
 * Written by the pipeline thread (measured) and the sender thread (the rest); read from any.
 */
final class DeliveryTally {
    private final AtomicLong measured = new AtomicLong();
    private final AtomicLong sentBatches = new AtomicLong();
    private final AtomicLong sentSamples = new AtomicLong();
    private final AtomicLong sentAggregates = new AtomicLong();
    private final AtomicLong confirmedSamples = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final EnumMap<DropReason, long[]> dropped = new EnumMap<>(DropReason.class);

    void measured(long samples) {
        measured.addAndGet(samples);
    }

    /** A batch the service took; {@code confirmed} is what its answer says it stored (or the batch's count). */
    void sent(Batch batch, long confirmed) {
        sentBatches.incrementAndGet();
        sentSamples.addAndGet(batch.samples());
        sentAggregates.addAndGet(batch.aggregates());
        confirmedSamples.addAndGet(confirmed);
    }

    void failedAttempt() {
        failedAttempts.incrementAndGet();
    }

    long failedAttempts() {
        return failedAttempts.get();
    }

    void dropped(DropReason reason, long samples, long aggregates) {
        if (samples == 0 && aggregates == 0) {
            return;
        }
        lock.lock();
        try {
            long[] n = dropped.computeIfAbsent(reason, r -> new long[2]);
            n[0] += samples;
            n[1] += aggregates;
        } finally {
            lock.unlock();
        }
    }

    CloudOutputStats stats(SeriesBuffer.Stats buffer, long waiting) {
        Map<String, Long> samples = new LinkedHashMap<>();
        Map<String, Long> aggregates = new LinkedHashMap<>();
        if (buffer.droppedSamples() > 0) {
            samples.put(DropReason.BUFFER_FULL.name(), buffer.droppedSamples());
            aggregates.put(DropReason.BUFFER_FULL.name(), buffer.droppedAggregates());
        }
        lock.lock();
        try {
            dropped.forEach((reason, n) -> {
                samples.merge(reason.name(), n[0], Long::sum);
                aggregates.merge(reason.name(), n[1], Long::sum);
            });
        } finally {
            lock.unlock();
        }
        return new CloudOutputStats(measured.get(), sentBatches.get(), sentSamples.get(), sentAggregates.get(),
                confirmedSamples.get(), failedAttempts.get(), buffer.mergedSlots(), Map.copyOf(samples),
                Map.copyOf(aggregates), waiting);
    }

    /**
     * The end-of-run line, e.g. {@code cloud: the service confirmed 1200 of 1200 samples measured
     * (57 series-seconds in 3 batches); nothing dropped}.
     */
    static String summaryLine(CloudOutputStats s) {
        StringBuilder b = new StringBuilder("cloud: the service confirmed ").append(s.confirmedSamples())
                .append(" of ").append(s.measuredSamples()).append(" samples measured (")
                .append(s.sentAggregates()).append(" series-seconds in ").append(s.sentBatches()).append(" batches");
        if (s.confirmedSamples() != s.sentSamples()) {
            b.append(", ").append(s.sentSamples()).append(" sent");
        }
        b.append(")");
        if (s.mergedSlots() > 0) {
            b.append("; ").append(s.mergedSlots()).append(" times seconds were merged to save memory");
        }
        if (s.droppedSamples().isEmpty()) {
            return b.append("; nothing dropped").toString();
        }
        b.append("; dropped ").append(s.totalDroppedSamples()).append(" samples: ");
        String sep = "";
        for (DropReason r : DropReason.values()) {
            Long n = s.droppedSamples().get(r.name());
            if (n != null) {
                b.append(sep).append(n).append(" (").append(s.droppedAggregates().get(r.name()))
                        .append(" series-seconds) because ").append(r.text());
                sep = ", ";
            }
        }
        return b.toString();
    }
}
