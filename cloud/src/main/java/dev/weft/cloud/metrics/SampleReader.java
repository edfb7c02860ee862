package dev.weft.cloud.metrics;

import com.google.gson.JsonParseException;
import dev.weft.cloud.account.ApiTokens;
import dev.weft.cloud.wire.AggregateData;
import dev.weft.cloud.wire.AggregatedPointsData;
import dev.weft.cloud.wire.PointData;
import dev.weft.cloud.wire.PointsData;
import dev.weft.cloud.wire.SampleTypes;
import dev.weft.cloud.wire.TrendDigest;
import dev.weft.cloud.wire.WireJson;
import dev.weft.cloud.wire.WireSample;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one metrics body's samples (all of k6's v1 sample types, plus Weft's aggregates) into
 * per-second aggregates keyed by metric, tag set and second. Validates as it goes: anything
 * malformed rejects the whole body with a message, so a bad batch never half-lands.
 * One instance per request; not thread-safe.
 */
public final class SampleReader {
    /** k6's rule for metric names ({@code metrics/registry.go}): a letter or _, then 1 to 128 of [a-zA-Z0-9_]. */
    static final java.util.regex.Pattern METRIC_NAME = java.util.regex.Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{1,128}");
    static final int MAX_TAGS = 64;
    static final int MAX_TAG_CHARS = 1000;

    private final Map<SecondAggregate.Key, SecondAggregate> aggregates = new LinkedHashMap<>();
    private final Map<Map<String, String>, String> tagKeys = new LinkedHashMap<>();
    private long notANumber;

    /** Reads every sample; throws on the first malformed one. */
    public Map<SecondAggregate.Key, SecondAggregate> read(List<WireSample> samples) throws BadSamplesException {
        int index = 0;
        for (WireSample s : samples) {
            try {
                readOne(s);
            } catch (JsonParseException | IllegalArgumentException | NullPointerException e) {
                throw new BadSamplesException("sample " + index + ": " + describe(e), "samples[" + index + "]", describe(e));
            }
            index++;
        }
        return aggregates;
    }

    /** How many values {@link #read} skipped because they were NaN or infinite (they are counted as lost). */
    public long notANumber() {
        return notANumber;
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void readOne(WireSample s) {
        if (s == null || s.type() == null) {
            throw new IllegalArgumentException("missing sample type");
        }
        String metric = checkMetric(s.metric());
        switch (s.type()) {
            case SampleTypes.POINT -> {
                PointData d = WireJson.data(s, PointData.class);
                String type = d.type() != null ? checkType(d.type()) : BuiltinTypes.of(metric);
                if (Double.isFinite(d.value())) {
                    aggregate(metric, type, d.tags(), d.time()).add(d.value());
                } else {
                    notANumber++;
                }
            }
            case SampleTypes.POINTS -> {
                PointsData d = WireJson.data(s, PointsData.class);
                if (d.values() != null) {
                    for (Map.Entry<String, Double> e : d.values().entrySet()) {
                        String name = checkMetric(e.getKey());
                        if (e.getValue() != null && Double.isFinite(e.getValue())) {
                            aggregate(name, BuiltinTypes.of(name), d.tags(), d.time()).add(e.getValue());
                        } else {
                            notANumber++;
                        }
                    }
                }
            }
            case SampleTypes.AGGREGATED_POINTS -> readAggregatedPoints(WireJson.data(s, AggregatedPointsData.class));
            case SampleTypes.AGGREGATE -> readAggregate(metric, WireJson.data(s, AggregateData.class));
            default -> throw new IllegalArgumentException("unknown sample type '" + s.type() + "'");
        }
    }

    /** k6's HTTP summaries carry min/avg/max only; the digest gets min, max and avg for the rest. */
    private void readAggregatedPoints(AggregatedPointsData d) {
        if (d.count() <= 0 || d.values() == null) {
            return;
        }
        aggregate("http_reqs", "counter", d.tags(), d.time()).addSummary(d.count(), d.count(), 1, 1, 1);
        for (Map.Entry<String, AggregatedPointsData.Value> e : d.values().entrySet()) {
            String name = checkMetric(e.getKey());
            AggregatedPointsData.Value v = e.getValue();
            if (v == null) {
                continue;
            }
            if (v.nonZeroCount() != null && v.count() != null) {
                long n = (long) (double) v.count();
                aggregate(name, "rate", d.tags(), d.time()).addSummary(n, v.nonZeroCount(), 0, 1, 0);
            } else if (v.min() != null && v.max() != null && v.avg() != null) {
                SecondAggregate a = aggregate(name, "trend", d.tags(), d.time());
                a.addSummary(d.count(), v.avg() * d.count(), v.min(), v.max(), v.avg());
                TrendDigest digest = new TrendDigest();
                digest.record(v.min());
                if (d.count() > 1) {
                    digest.record(v.max());
                }
                digest.record(v.avg(), Math.max(0, d.count() - 2));
                a.addDigest(digest);
            }
        }
    }

    private void readAggregate(String metric, AggregateData d) {
        String type = checkType(d.type());
        if (d.count() <= 0 || !Double.isFinite(d.sum()) || !Double.isFinite(d.min()) || !Double.isFinite(d.max())) {
            throw new IllegalArgumentException("aggregate of '" + metric + "' needs a positive count and finite values");
        }
        SecondAggregate a = aggregate(metric, type, d.tags(), d.time());
        a.addSummary(d.count(), d.sum(), d.min(), d.max(), d.last());
        if (d.histogram() != null && "trend".equals(type)) {
            a.addDigest(TrendDigest.decode(d.histogram()));
        }
    }

    private SecondAggregate aggregate(String metric, String type, Map<String, String> rawTags, long micros) {
        if (micros <= 0) {
            throw new IllegalArgumentException("sample of '" + metric + "' has no time");
        }
        Map<String, String> tags = checkTags(rawTags);
        String tagsKey = tagKeys.computeIfAbsent(tags, t -> ApiTokens.digest(WireJson.GSON.toJson(t)));
        long second = Math.floorDiv(micros, 1_000_000L);
        SecondAggregate.Key key = new SecondAggregate.Key(metric, tagsKey, second);
        SecondAggregate a = aggregates.computeIfAbsent(key, k -> new SecondAggregate(metric, type, tags, tagsKey, second));
        if (!a.type().equals(type)) {
            throw new IllegalArgumentException("metric '" + metric + "' sent as both " + a.type() + " and " + type);
        }
        return a;
    }

    private static String checkMetric(String metric) {
        if (metric == null || !METRIC_NAME.matcher(metric).matches()) {
            throw new IllegalArgumentException("metric name '" + abbreviate(metric) + "' breaks k6's rule: a letter or _, "
                    + "then 1 to 128 letters, digits or _");
        }
        return metric;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private static String checkType(String type) {
        return switch (type == null ? "" : type) {
            case "counter", "gauge", "rate", "trend" -> type;
            default -> throw new IllegalArgumentException("unknown metric type '" + type + "'");
        };
    }

    private static Map<String, String> checkTags(Map<String, String> tags) {
        if (tags == null) {
            return Map.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw new IllegalArgumentException("more than " + MAX_TAGS + " tags on one sample");
        }
        Map<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> e : tags.entrySet()) {
            String v = e.getValue() == null ? "" : e.getValue();
            if (e.getKey().length() > MAX_TAG_CHARS || v.length() > MAX_TAG_CHARS) {
                throw new IllegalArgumentException("a tag is longer than " + MAX_TAG_CHARS + " characters");
            }
            sorted.put(e.getKey(), v);
        }
        return sorted;
    }
}
