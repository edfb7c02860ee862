package dev.weft.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The running aggregate ({@link MetricSink}) of every metric that has had a sample, and of
 * every sub-metric declared (by thresholds, or k6's default
 * {@code http_req_duration{expected_response:true}}). k6's metrics engine.
 *
 * <p>Threads: the sample pipeline's consumer thread calls {@link #ingest(List)} every flush.
 * Threshold evaluation and the summary read through {@link #read(Supplier)}, which holds the
 * same lock so they never see a half-applied batch. Sub-metrics are declared at start-up,
 * before samples flow.
 */
public final class MetricAggregates {
    /** k6 always tracks this sub-metric so the summary shows it under http_req_duration. */
    public static final String EXPECTED_RESPONSE_SUFFIX = "expected_response:true";

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Series> series = new LinkedHashMap<>();
    private final Map<String, Entry> byName = new LinkedHashMap<>();

    /**
     * One aggregate the summary may show.
     *
     * @param name      metric name, or the full sub-metric name {@code parent{tags}}
     * @param metric    the metric (the parent, for a sub-metric)
     * @param submetric the sub-metric, or null for a whole metric
     * @param sink      the aggregate; read it only inside {@link #read(Supplier)} while samples flow
     */
    public record Entry(String name, Metric metric, Submetric submetric, MetricSink sink) {
    }

    private static final class Series {
        final Entry entry;
        final List<Entry> subs = new ArrayList<>();
        boolean observed;
        final Map<String, Boolean> observedSubs = new LinkedHashMap<>();

        Series(Metric metric) {
            entry = new Entry(metric.name(), metric, null, MetricSink.forType(metric.type()));
        }
    }

    /**
     * Declares a sub-metric so matching samples get their own aggregate; returns the existing
     * one if the same tag criteria were declared before.
     */
    public Submetric addSubmetric(Metric parent, String suffix) {
        Submetric wanted = Submetric.of(parent, suffix);
        lock.lock();
        try {
            Series s = seriesFor(parent);
            for (Entry e : s.subs) {
                if (e.submetric().tags().equals(wanted.tags())) {
                    return e.submetric();
                }
            }
            Entry e = new Entry(wanted.name(), parent, wanted, MetricSink.forType(parent.type()));
            s.subs.add(e);
            byName.put(e.name(), e);
            return wanted;
        } finally {
            lock.unlock();
        }
    }

    /** Adds k6's default {@code http_req_duration{expected_response:true}} sub-metric. */
    public void addDefaultSubmetrics() {
        addSubmetric(BuiltinMetrics.HTTP_REQ_DURATION, EXPECTED_RESPONSE_SUFFIX);
    }

    /**
     * Shows a metric or sub-metric in the summary even without samples (k6 does this for
     * everything that has thresholds).
     */
    public void markObserved(String name) {
        lock.lock();
        try {
            Entry e = byName.get(name);
            if (e == null) {
                return;
            }
            Series s = series.get(e.metric().name());
            if (e.submetric() == null) {
                s.observed = true;
            } else {
                s.observedSubs.put(name, true);
                s.observed = true;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Shows a whole metric in the summary even without samples (it has thresholds). */
    public void markObserved(Metric metric) {
        lock.lock();
        try {
            seriesFor(metric).observed = true;
        } finally {
            lock.unlock();
        }
    }

    /** Adds one batch of samples; called by the pipeline's consumer thread. */
    public void ingest(List<Sample> batch) {
        lock.lock();
        try {
            for (Sample sample : batch) {
                addLocked(sample);
            }
        } finally {
            lock.unlock();
        }
    }

    private void addLocked(Sample sample) {
        Series s = seriesFor(sample.metric());
        s.observed = true;
        s.entry.sink().add(sample.value());
        for (Entry sub : s.subs) {
            if (sub.submetric().matches(sample.tags())) {
                sub.sink().add(sample.value());
                s.observedSubs.put(sub.name(), true);
            }
        }
    }

    private Series seriesFor(Metric metric) {
        Series s = series.get(metric.name());
        if (s == null) {
            s = new Series(metric);
            series.put(metric.name(), s);
            byName.put(metric.name(), s.entry);
        }
        return s;
    }

    /** Runs {@code reader} while no batch is being applied, so sinks are consistent. */
    public <T> T read(Supplier<T> reader) {
        lock.lock();
        try {
            return reader.get();
        } finally {
            lock.unlock();
        }
    }

    /** The aggregate of a metric or sub-metric by its full name, if declared or seen. */
    public Optional<Entry> get(String name) {
        lock.lock();
        try {
            return Optional.ofNullable(byName.get(name));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Every metric and sub-metric that had a sample or was marked observed, metrics in first-seen
     * order, each followed by its observed sub-metrics.
     */
    public List<Entry> observed() {
        lock.lock();
        try {
            List<Entry> out = new ArrayList<>();
            for (Series s : series.values()) {
                if (!s.observed) {
                    continue;
                }
                out.add(s.entry);
                for (Entry sub : s.subs) {
                    if (s.observedSubs.containsKey(sub.name())) {
                        out.add(sub);
                    }
                }
            }
            return out;
        } finally {
            lock.unlock();
        }
    }
}
