package dev.weft.output.cloud;

import dev.weft.cloud.wire.AggregateData;
import dev.weft.cloud.wire.SampleTypes;
import dev.weft.cloud.wire.TrendDigest;
import dev.weft.cloud.wire.WireSample;
import dev.weft.metrics.Metric;
import dev.weft.metrics.MetricType;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Folds samples into one summary per metric, tag set and second, so 20 000 requests a second
 * become a few dozen aggregates a second rather than 20 000 points. Trends keep a
 * {@link TrendDigest} so the service can answer percentiles. Owned by the output's aggregator
 * thread only; not thread-safe.
 */
final class SecondAggregator {
    private record Key(Metric metric, Tags tags, long second) { }

    private static final class Summary {
        long count;
        double sum;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double last;
        long lastTime = Long.MIN_VALUE;
        TrendDigest digest;
    }

    private final Map<Key, Summary> open = new HashMap<>();
    private long samples;

    void add(Sample s) {
        if (Double.isNaN(s.value()) || Double.isInfinite(s.value())) {
            return;
        }
        Key key = new Key(s.metric(), s.tags() == null ? Tags.EMPTY : s.tags(), Math.floorDiv(s.timeMillis(), 1000L));
        Summary sum = open.computeIfAbsent(key, k -> new Summary());
        double v = s.value();
        sum.count++;
        sum.sum += s.metric().type() == MetricType.RATE ? (v != 0 ? 1 : 0) : v;
        sum.min = Math.min(sum.min, v);
        sum.max = Math.max(sum.max, v);
        if (s.timeMillis() >= sum.lastTime) {
            sum.last = v;
            sum.lastTime = s.timeMillis();
        }
        if (s.metric().type() == MetricType.TREND) {
            if (sum.digest == null) {
                sum.digest = new TrendDigest();
            }
            sum.digest.record(v);
        }
        samples++;
    }

    /** How many samples are waiting in open seconds. */
    long pendingSamples() {
        return samples;
    }

    /**
     * Takes out every second before {@code beforeSecond} as wire samples, leaving later seconds
     * to fill. {@code Long.MAX_VALUE} takes out everything.
     */
    List<WireSample> takeBefore(long beforeSecond) {
        List<WireSample> out = new ArrayList<>();
        Iterator<Map.Entry<Key, Summary>> it = open.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, Summary> e = it.next();
            Key k = e.getKey();
            if (k.second() >= beforeSecond) {
                continue;
            }
            Summary s = e.getValue();
            samples -= s.count;
            out.add(WireSample.of(SampleTypes.AGGREGATE, k.metric().name(), new AggregateData(
                    k.second() * 1_000_000L, k.metric().type().k6Name(), k.tags().map(), s.count, s.sum, s.min, s.max,
                    s.last, s.digest == null ? null : s.digest.encode())));
            it.remove();
        }
        return out;
    }

    /** Sample count each wire sample stands for, read before it is sent. */
    static long countOf(WireSample sample) {
        return sample.data().getAsJsonObject().get("count").getAsLong();
    }
}
