package dev.weft.cloud.metrics;

import dev.weft.cloud.account.ApiTokens;
import dev.weft.cloud.wire.WireJson;
import dev.weft.cloud.wire.v2.CounterValue;
import dev.weft.cloud.wire.v2.GaugeValue;
import dev.weft.cloud.wire.v2.K6Hdr;
import dev.weft.cloud.wire.v2.Label;
import dev.weft.cloud.wire.v2.Metric;
import dev.weft.cloud.wire.v2.MetricSet;
import dev.weft.cloud.wire.v2.RateValue;
import dev.weft.cloud.wire.v2.SampleValue;
import dev.weft.cloud.wire.v2.TimeSeries;
import dev.weft.cloud.wire.v2.TrendHdrValue;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one v2 metrics body ({@link MetricSet}, from k6 v1 or Weft's runner) into the same
 * per-second aggregates the v1 JSON path makes, so both land in one store and percentiles
 * compare: counters add up, gauges keep count/min/max/last (min and max read either way
 * round, see {@link GaugeValue#low()}), rates count non-zero against total, and a trend's k6
 * histogram is replayed into a {@link dev.weft.cloud.wire.TrendDigest} bucket by bucket (each bucket's
 * {@link K6Hdr#representative representative value}, kept within the period's exact min and
 * max). A value covering several seconds (an aggregation period over 1 s) lands on the second
 * it starts at. Anything malformed rejects the whole body. One instance per request.
 */
public final class MetricSetAggregates {
    static final int MAX_METRIC_NAME = 200;
    static final int MAX_TAGS = 64;
    static final int MAX_TAG_CHARS = 1000;

    private final Map<SecondAggregate.Key, SecondAggregate> aggregates = new LinkedHashMap<>();
    private final Map<Map<String, String>, String> tagKeys = new HashMap<>();
    private long samples;

    /** Reads every series; throws on the first malformed one, naming it. */
    public Map<SecondAggregate.Key, SecondAggregate> read(MetricSet set) throws BadSamplesException {
        for (Metric m : set.metrics()) {
            String name = m.name();
            if (name.isEmpty() || name.length() > MAX_METRIC_NAME) {
                throw new BadSamplesException("metric name must have 1 to " + MAX_METRIC_NAME + " characters");
            }
            String type = m.type().k6Name();
            if (type == null) {
                throw new BadSamplesException("metric '" + name + "' has no type");
            }
            int index = 0;
            for (TimeSeries series : m.timeSeries()) {
                try {
                    readSeries(name, type, series);
                } catch (IllegalArgumentException e) {
                    throw new BadSamplesException("metric '" + name + "', time series " + index + ": " + e.getMessage());
                }
                index++;
            }
        }
        return aggregates;
    }

    /** How many samples the body stood for (a counter's value counts as one). */
    public long sampleCount() {
        return samples;
    }

    private void readSeries(String metric, String type, TimeSeries series) {
        Map<String, String> tags = tags(series);
        String tagsKey = tagKeys.computeIfAbsent(tags, t -> ApiTokens.digest(WireJson.GSON.toJson(t)));
        for (SampleValue v : series.values()) {
            if (v.timeSeconds() <= 0) {
                throw new IllegalArgumentException("a value has no time");
            }
            SecondAggregate a = aggregates.computeIfAbsent(new SecondAggregate.Key(metric, tagsKey, v.timeSeconds()),
                    k -> new SecondAggregate(metric, type, tags, tagsKey, v.timeSeconds()));
            if (!a.type().equals(type)) {
                throw new IllegalArgumentException("sent as both " + a.type() + " and " + type);
            }
            switch (v) {
                case CounterValue c when type.equals("counter") -> {
                    requireFinite(c.value());
                    a.addSummary(1, c.value(), c.value(), c.value(), c.value());
                    samples++;
                }
                case GaugeValue g when type.equals("gauge") -> {
                    requireFinite(g.last(), g.min(), g.max(), g.avg());
                    a.addSummary(g.count(), g.avg() * g.count(), g.low(), g.high(), g.last());
                    samples += g.count();
                }
                case RateValue r when type.equals("rate") -> {
                    if (r.nonzeroCount() > r.totalCount()) {
                        throw new IllegalArgumentException("a rate has more non-zero samples (" + r.nonzeroCount()
                                + ") than samples (" + r.totalCount() + ")");
                    }
                    a.addSummary(r.totalCount(), r.nonzeroCount(), r.nonzeroCount() == r.totalCount() ? 1 : 0,
                            r.nonzeroCount() > 0 ? 1 : 0, r.nonzeroCount() > 0 ? 1 : 0);
                    samples += r.totalCount();
                }
                case TrendHdrValue h when type.equals("trend") -> {
                    addTrend(a, h);
                    samples += h.count();
                }
                default -> throw new IllegalArgumentException("a " + v.getClass().getSimpleName() + " in a " + type);
            }
        }
    }

    private static void addTrend(SecondAggregate a, TrendHdrValue h) {
        requireFinite(h.sum(), h.minValue(), h.maxValue());
        long bucketed = h.bucketedCount();
        if (bucketed + h.extraLowValuesCounter() + h.extraHighValuesCounter() != h.count()) {
            throw new IllegalArgumentException("a trend's count " + h.count() + " is not its buckets' " + bucketed
                    + " plus " + h.extraLowValuesCounter() + " low and " + h.extraHighValuesCounter() + " high values");
        }
        if (h.count() == 0) {
            return;
        }
        double resolution = h.minResolution() > 0 ? h.minResolution() : K6Hdr.DEFAULT_MIN_RESOLUTION;
        if (h.minValue() > h.maxValue()) {
            throw new IllegalArgumentException("a trend's min " + h.minValue() + " is above its max " + h.maxValue());
        }
        // Straight into the aggregate's digest (a histogram per value, merged after, costs twice),
        // highest bucket first: the digest then sizes itself once instead of growing step by
        // step (4x less CPU for a typical second of http_req_duration).
        int buckets = h.counters().length;
        long[] indexes = new long[buckets];
        long[] counts = new long[buckets];
        int[] at = {0};
        h.forEachBucket((index, n) -> {
            indexes[at[0]] = index;
            counts[at[0]++] = n;
        });
        a.recordInDigest(h.maxValue(), h.extraHighValuesCounter());
        for (int i = buckets - 1; i >= 0; i--) {
            a.recordInDigest(Math.clamp(K6Hdr.representative(indexes[i], resolution), h.minValue(), h.maxValue()),
                    counts[i]);
        }
        a.recordInDigest(h.minValue(), h.extraLowValuesCounter());
        a.addSummary(h.count(), h.sum(), h.minValue(), h.maxValue(), h.sum() / h.count());
    }

    private static Map<String, String> tags(TimeSeries series) {
        if (series.labels().size() > MAX_TAGS) {
            throw new IllegalArgumentException("more than " + MAX_TAGS + " labels");
        }
        Map<String, String> tags = new TreeMap<>();
        for (Label l : series.labels()) {
            if (l.name().length() > MAX_TAG_CHARS || l.value().length() > MAX_TAG_CHARS) {
                throw new IllegalArgumentException("a label is longer than " + MAX_TAG_CHARS + " characters");
            }
            tags.put(l.name(), l.value());
        }
        return tags;
    }

    private static void requireFinite(double... values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("a value is not a finite number");
            }
        }
    }
}
