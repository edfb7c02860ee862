package dev.weft.output.cloud;

import dev.weft.metrics.Metric;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * The cloud output's queue: samples folded into one {@link SeriesAggregate} per series and
 * slot, waiting to be sent, bounded in bytes rather than in batches, so a slow or unreachable
 * service costs at most the budget however many series the test makes.
 *
 * <p>A slot is one second, or after merging a span of seconds stamped with its first second.
 * When the estimated size passes the budget, the oldest two slots are merged into one (totals,
 * extremes and trend buckets stay exact; only time resolution is lost), up to
 * {@link #MAX_MERGED_SPAN_SECONDS} a slot; only when no two neighbours can be merged are the
 * oldest aggregates dropped, until the buffer is back under 90% of its budget. Every merge and
 * drop is counted ({@link #stats()}).
 *
 * <p>Threads: the sample pipeline's consumer calls {@link #addAll}; the output's sender calls
 * {@link #take}. Both take one {@link ReentrantLock} briefly; nothing here does I/O.
 *
 * <p>A series' key (metric and tag set) is held once, in an index, however many slots refer
 * to it: with 100,000 series a second the tag sets are most of the memory, and a second slot
 * of the same series then costs only its aggregate. Sizes are estimates of the heap held
 * (hash map entries, keys, aggregates, trend buckets, each tag set's values as if not shared
 * with another series), so the real heap stays under the budget.
 */
final class SeriesBuffer {
    /** Longest span of seconds one merged slot may cover. */
    static final long MAX_MERGED_SPAN_SECONDS = 60;
    private static final long SLOT_BYTES = 160;
    /** A slot's linked hash map node and table slot for one aggregate. */
    private static final long ENTRY_BYTES = 40 + 12;
    /** The index's node, table slot, key record and {@link Series} for one series. */
    private static final long SERIES_BYTES = 24 + 8 + 16 + 24;

    /** A series: a metric and one tag set. */
    record SeriesKey(Metric metric, Tags tags) {
    }

    /** One aggregate taken out to send: its series, the first second of its slot, the aggregate. */
    record Entry(SeriesKey series, long second, SeriesAggregate aggregate) {
    }

    /** What the buffer has merged and dropped so far. */
    record Stats(long bytes, long budget, long mergedSlots, long droppedAggregates, long droppedSamples) {
    }

    /** A series as the index holds it; slots key their aggregates by this (identity). */
    private static final class Series {
        final SeriesKey key;
        final long bytes;
        int slots;

        Series(SeriesKey key) {
            this.key = key;
            this.bytes = SERIES_BYTES + tagBytes(key.tags());
        }
    }

    private static final class Slot {
        final long first;
        long last;
        /** Linked, so taking and dropping from the front never rescans emptied buckets. */
        final LinkedHashMap<Series, SeriesAggregate> series = new LinkedHashMap<>();
        long bytes = SLOT_BYTES;
        long samples;

        Slot(long first) {
            this.first = first;
            this.last = first;
        }
    }

    private final long budget;
    private final ReentrantLock lock = new ReentrantLock();
    private final TreeMap<Long, Slot> slots = new TreeMap<>();
    private final HashMap<SeriesKey, Series> index = new HashMap<>();
    private long bytes;
    private long samples;
    private long mergedSlots;
    private long droppedAggregates;
    private long droppedSamples;

    SeriesBuffer(long budgetBytes) {
        if (budgetBytes < 1024) {
            throw new IllegalArgumentException("the cloud output's buffer needs at least 1 KiB, got " + budgetBytes);
        }
        this.budget = budgetBytes;
    }

    /**
     * Folds samples in; NaN and infinite values are skipped (the service could not store them).
     * {@code tagger} may rewrite a sample's tags (a shared run tags gauges with the instance).
     * Returns how many samples were taken.
     */
    long addAll(List<Sample> batch, UnaryOperator<Sample> tagger) {
        lock.lock();
        try {
            long taken = 0;
            for (Sample raw : batch) {
                if (Double.isNaN(raw.value()) || Double.isInfinite(raw.value())) {
                    continue;
                }
                add(tagger.apply(raw));
                taken++;
                if (bytes > budget) {
                    shrink();
                }
            }
            return taken;
        } finally {
            lock.unlock();
        }
    }

    private void add(Sample s) {
        long second = Math.floorDiv(s.timeMillis(), 1000L);
        Map.Entry<Long, Slot> floor = slots.floorEntry(second);
        Slot slot;
        if (floor != null && floor.getValue().last >= second) {
            slot = floor.getValue();
        } else {
            slot = new Slot(second);
            slots.put(second, slot);
            bytes += SLOT_BYTES;
        }
        Tags tags = s.tags() == null ? Tags.EMPTY : s.tags();
        SeriesKey key = new SeriesKey(s.metric(), tags);
        Series series = index.get(key);
        if (series == null) {
            series = new Series(key);
            index.put(key, series);
            bytes += series.bytes;
        }
        SeriesAggregate agg = slot.series.get(series);
        long grew;
        if (agg == null) {
            agg = new SeriesAggregate(s.metric().type());
            slot.series.put(series, agg);
            series.slots++;
            grew = ENTRY_BYTES + agg.bytes();
        } else {
            grew = 0;
        }
        grew += agg.add(s.value(), s.timeMillis());
        slot.bytes += grew;
        slot.samples++;
        bytes += grew;
        samples++;
    }

    /** One slot fewer refers to {@code series}; the index forgets it when none does. */
    private void release(Series series) {
        if (--series.slots == 0) {
            index.remove(series.key);
            bytes -= series.bytes;
        }
    }

    /** Brings the buffer back under 90% of its budget: merge while it helps, then drop oldest. */
    private void shrink() {
        long target = budget - budget / 10;
        while (bytes > target && mergeOldestNeighbours()) {
            mergedSlots++;
        }
        while (bytes > target && !slots.isEmpty()) {
            dropFromOldest(target);
        }
    }

    /** Merges the oldest two neighbouring slots whose joint span fits; false when none do. */
    private boolean mergeOldestNeighbours() {
        Slot previous = null;
        for (Slot slot : slots.values()) {
            if (previous != null && slot.last - previous.first < MAX_MERGED_SPAN_SECONDS) {
                merge(previous, slot);
                return true;
            }
            previous = slot;
        }
        return false;
    }

    private void merge(Slot into, Slot from) {
        slots.remove(from.first);
        bytes -= into.bytes + from.bytes;
        for (Map.Entry<Series, SeriesAggregate> e : from.series.entrySet()) {
            SeriesAggregate there = into.series.get(e.getKey());
            if (there == null) {
                into.series.put(e.getKey(), e.getValue());
                into.bytes += ENTRY_BYTES + e.getValue().bytes();
            } else {
                into.bytes += there.merge(e.getValue());
                release(e.getKey());
            }
        }
        into.last = Math.max(into.last, from.last);
        into.samples += from.samples;
        bytes += into.bytes;
    }

    private void dropFromOldest(long target) {
        Slot oldest = slots.firstEntry().getValue();
        Iterator<Map.Entry<Series, SeriesAggregate>> it = oldest.series.entrySet().iterator();
        while (it.hasNext() && bytes > target) {
            Map.Entry<Series, SeriesAggregate> e = it.next();
            long size = ENTRY_BYTES + e.getValue().bytes();
            it.remove();
            release(e.getKey());
            oldest.bytes -= size;
            oldest.samples -= e.getValue().count;
            bytes -= size;
            samples -= e.getValue().count;
            droppedAggregates++;
            droppedSamples += e.getValue().count;
        }
        if (oldest.series.isEmpty()) {
            slots.remove(oldest.first);
            bytes -= oldest.bytes;
        }
    }

    /**
     * Takes out up to {@code max} aggregates of slots that ended before {@code beforeSecond},
     * oldest first ({@code Long.MAX_VALUE} takes from every slot). The caller owns them now.
     */
    List<Entry> take(long beforeSecond, int max) {
        lock.lock();
        try {
            List<Entry> out = new ArrayList<>();
            while (out.size() < max && !slots.isEmpty()) {
                Slot slot = slots.firstEntry().getValue();
                if (slot.last >= beforeSecond) {
                    break;
                }
                Iterator<Map.Entry<Series, SeriesAggregate>> it = slot.series.entrySet().iterator();
                while (it.hasNext() && out.size() < max) {
                    Map.Entry<Series, SeriesAggregate> e = it.next();
                    it.remove();
                    release(e.getKey());
                    long size = ENTRY_BYTES + e.getValue().bytes();
                    slot.bytes -= size;
                    slot.samples -= e.getValue().count;
                    bytes -= size;
                    samples -= e.getValue().count;
                    out.add(new Entry(e.getKey().key, slot.first, e.getValue()));
                }
                if (slot.series.isEmpty()) {
                    slots.remove(slot.first);
                    bytes -= slot.bytes;
                }
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** Samples waiting in the buffer. */
    long samples() {
        lock.lock();
        try {
            return samples;
        } finally {
            lock.unlock();
        }
    }

    /** What {@link #clear()} threw away. */
    record Cleared(long samples, long aggregates) {
    }

    /** Drops everything left (at stop, or when the service takes no more); the caller counts it. */
    Cleared clear() {
        lock.lock();
        try {
            long aggregates = 0;
            for (Slot slot : slots.values()) {
                aggregates += slot.series.size();
            }
            Cleared cleared = new Cleared(samples, aggregates);
            slots.clear();
            index.clear();
            bytes = 0;
            samples = 0;
            return cleared;
        } finally {
            lock.unlock();
        }
    }

    Stats stats() {
        lock.lock();
        try {
            return new Stats(bytes, budget, mergedSlots, droppedAggregates, droppedSamples);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Estimated heap of a tag set: the object, its two arrays, and each value string. Tag
     * names are left out: they are the same few string instances in every tag set.
     */
    static long tagBytes(Tags tags) {
        long n = 24 + 2L * (16 + 4L * tags.size());
        for (int i = 0; i < tags.size(); i++) {
            String v = tags.valueAt(i);
            n += v == null ? 0 : 40 + v.length();
        }
        return n;
    }
}
