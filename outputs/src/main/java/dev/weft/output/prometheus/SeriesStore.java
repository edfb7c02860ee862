package dev.weft.output.prometheus;

import dev.weft.metrics.CounterSink;
import dev.weft.metrics.GaugeSink;
import dev.weft.metrics.Metric;
import dev.weft.metrics.RateSink;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.metrics.TrendSink;
import dev.weft.metrics.ValueType;
import dev.weft.output.prometheus.PromSeries.Label;
import dev.weft.output.push.SeriesKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every series' value since the start of the test, as k6's remote-write output keeps them:
 * samples are folded in as they come, and {@link #changed()} returns the series that got samples
 * since the last call, each with one sample stamped with its latest sample time (moved 1 ms past
 * the last one sent, since Prometheus refuses a second value at the same time). Used only on the
 * pusher thread.
 */
final class SeriesStore {
    static final String PREFIX = "k6_";
    /** Prometheus's stale marker: a NaN with this exact bit pattern. */
    static final double STALE_NAN = Double.longBitsToDouble(0x7ff0000000000002L);

    private final Map<SeriesKey, Series> series = new HashMap<>();
    private final List<String> trendStats;
    private final boolean nativeHistograms;
    private final List<Series> dirty = new ArrayList<>();

    SeriesStore(List<String> trendStats, boolean nativeHistograms) {
        this.trendStats = trendStats;
        this.nativeHistograms = nativeHistograms;
    }

    private final class Series {
        final List<Label> labels;
        final Metric metric;
        final Object sink;
        long latest;
        long lastSent = Long.MIN_VALUE;
        boolean isDirty;

        Series(SeriesKey key) {
            this.metric = key.metric();
            this.labels = labels(key.tags());
            this.sink = switch (metric.type()) {
                case COUNTER -> new CounterSink();
                case GAUGE -> new GaugeSink();
                case RATE -> new RateSink();
                case TREND -> nativeHistograms ? new NativeHistogram() : new TrendSink();
            };
        }

        void add(double v) {
            switch (sink) {
                case CounterSink c -> c.add(v);
                case GaugeSink g -> g.add(v);
                case RateSink r -> r.add(v);
                case TrendSink t -> t.add(v);
                case NativeHistogram h -> h.add(metric.valueType() == ValueType.TIME ? v / 1000 : v);
                default -> throw new IllegalStateException("sink " + sink);
            }
        }
    }

    /** Tag labels: names made valid for Prometheus ([a-zA-Z_][a-zA-Z0-9_]*), in name order. */
    private static List<Label> labels(Tags tags) {
        List<Label> out = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            if (SeriesKey.counts(tags, i)) {
                out.add(new Label(labelName(tags.keyAt(i)), tags.valueAt(i)));
            }
        }
        return out;
    }

    static String labelName(String tag) {
        StringBuilder sb = new StringBuilder(tag.length());
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
            sb.append(ok ? c : '_');
        }
        return sb.isEmpty() ? "_" : sb.toString();
    }

    void add(Sample s) {
        SeriesKey key = new SeriesKey(s.metric(), s.tags());
        Series x = series.get(key);
        if (x == null) {
            x = new Series(key);
            series.put(key, x);
        }
        x.add(s.value());
        x.latest = Math.max(x.latest, s.timeMillis());
        if (!x.isDirty) {
            x.isDirty = true;
            dirty.add(x);
        }
    }

    /** The series that got samples since the last call, as remote-write series; marks them sent. */
    List<PromSeries> changed() {
        List<PromSeries> out = new ArrayList<>();
        for (Series x : dirty) {
            long ts = x.lastSent == Long.MIN_VALUE ? x.latest : Math.max(x.latest, x.lastSent + 1);
            x.lastSent = ts;
            x.isDirty = false;
            map(x, ts, out);
        }
        dirty.clear();
        return out;
    }

    /** Puts every series back to be sent again at the next push (after a failed one: values are cumulative). */
    void resendAll() {
        for (Series x : series.values()) {
            if (!x.isDirty) {
                x.isDirty = true;
                dirty.add(x);
            }
        }
    }

    /** A stale marker for every series, 1 ms after {@code nowMillis} (at stop, with staleMarkers). */
    List<PromSeries> staleMarkers(long nowMillis) {
        List<PromSeries> out = new ArrayList<>();
        for (Series x : series.values()) {
            List<PromSeries> mapped = new ArrayList<>();
            map(x, nowMillis + 1, mapped);
            for (PromSeries p : mapped) {
                out.add(new PromSeries(p.labels(), STALE_NAN, Math.max(nowMillis + 1, x.lastSent + 1), null));
            }
        }
        return out;
    }

    private void map(Series x, long ts, List<PromSeries> out) {
        String name = PREFIX + x.metric.name();
        switch (x.sink) {
            case CounterSink c -> out.add(series(x, name + "_total", c.count(), ts));
            case GaugeSink g -> out.add(series(x, name, g.value(), ts));
            case RateSink r -> out.add(series(x, name + "_rate", r.rate(), ts));
            case TrendSink t -> {
                for (String stat : trendStats) {
                    double v = stat.equals("sum") ? t.sum() : t.stat(stat, Duration.ZERO);
                    if (x.metric.valueType() == ValueType.TIME && !stat.equals("count")) {
                        v /= 1000; // seconds, Prometheus's base unit
                    }
                    out.add(series(x, name + "_" + statSuffix(stat), v, ts));
                }
            }
            case NativeHistogram h -> {
                String unit = switch (x.metric.valueType()) {
                    case TIME -> "_seconds";
                    case DATA -> "_bytes";
                    case DEFAULT -> "";
                };
                out.add(new PromSeries(withName(x.labels, name + unit), 0, ts, h.snapshot()));
            }
            default -> throw new IllegalStateException("sink " + x.sink);
        }
    }

    /** k6's suffix for a stat: {@code p(99)} -> {@code p99}, {@code p(99.9)} -> {@code p999}, others as named. */
    static String statSuffix(String stat) {
        if (stat.startsWith("p(") && stat.endsWith(")")) {
            return "p" + stat.substring(2, stat.length() - 1).replace(".", "");
        }
        return stat;
    }

    private static PromSeries series(Series x, String name, double value, long ts) {
        return new PromSeries(withName(x.labels, name), value, ts, null);
    }

    private static List<Label> withName(List<Label> labels, String name) {
        List<Label> all = new ArrayList<>(labels.size() + 1);
        all.addAll(labels);
        all.add(new Label("__name__", name));
        all.sort(Comparator.comparing(Label::name));
        return all;
    }

    /** How many series are kept (for tests and the description of memory use). */
    int size() {
        return series.size();
    }
}
