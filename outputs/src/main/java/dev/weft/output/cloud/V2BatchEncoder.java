package dev.weft.output.cloud;

import dev.weft.cloud.wire.v2.BucketSpan;
import dev.weft.cloud.wire.v2.CounterValue;
import dev.weft.cloud.wire.v2.GaugeValue;
import dev.weft.cloud.wire.v2.K6Hdr;
import dev.weft.cloud.wire.v2.Label;
import dev.weft.cloud.wire.v2.Metric;
import dev.weft.cloud.wire.v2.MetricSet;
import dev.weft.cloud.wire.v2.MetricType;
import dev.weft.cloud.wire.v2.MetricsV2;
import dev.weft.cloud.wire.v2.RateValue;
import dev.weft.cloud.wire.v2.SampleValue;
import dev.weft.cloud.wire.v2.TimeSeries;
import dev.weft.cloud.wire.v2.TrendHdrValue;
import dev.weft.metrics.Tags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * k6 v1's metrics protocol ({@code POST /v2/metrics/<id>}): the aggregates become one
 * protobuf {@link MetricSet}, snappy-compressed, with one value per series and second (a
 * trend's as k6 HDR bucket spans), so the service reads Weft's pushes and k6's the same way.
 * Called on the output's sender thread only.
 */
final class V2BatchEncoder implements BatchEncoder {
    /** Each value covers one second (a merged slot's value is stamped with its first second). */
    static final int AGGREGATION_PERIOD_SECONDS = 1;
    private static final Map<String, String> HEADERS = Map.of("Content-Type", MetricsV2.CONTENT_TYPE,
            "Content-Encoding", MetricsV2.CONTENT_ENCODING,
            MetricsV2.PROTOCOL_VERSION_HEADER, MetricsV2.PROTOCOL_VERSION);

    @Override
    public Batch encode(String referenceId, List<SeriesBuffer.Entry> entries) {
        Map<dev.weft.metrics.Metric, Map<Tags, List<SampleValue>>> byMetric = new LinkedHashMap<>();
        long samples = 0;
        for (SeriesBuffer.Entry e : entries) {
            samples += e.aggregate().count;
            byMetric.computeIfAbsent(e.series().metric(), m -> new LinkedHashMap<>())
                    .computeIfAbsent(e.series().tags(), t -> new ArrayList<>())
                    .add(value(e.second(), e.aggregate()));
        }
        List<Metric> metrics = new ArrayList<>(byMetric.size());
        byMetric.forEach((metric, series) -> {
            List<TimeSeries> list = new ArrayList<>(series.size());
            series.forEach((tags, values) -> list.add(new TimeSeries(labels(tags), values)));
            metrics.add(new Metric(metric.name(), type(metric.type()), list));
        });
        byte[] body = MetricsV2.encode(new MetricSet(referenceId, AGGREGATION_PERIOD_SECONDS, metrics));
        return new Batch(UUID.randomUUID().toString(), MetricsV2.PATH_PREFIX + referenceId, HEADERS, body, samples,
                entries.size());
    }

    private static List<Label> labels(Tags tags) {
        List<Label> labels = new ArrayList<>(tags.size());
        for (int i = 0; i < tags.size(); i++) {
            labels.add(new Label(tags.keyAt(i), tags.valueAt(i)));
        }
        return labels;
    }

    private static MetricType type(dev.weft.metrics.MetricType type) {
        return switch (type) {
            case COUNTER -> MetricType.COUNTER;
            case GAUGE -> MetricType.GAUGE;
            case RATE -> MetricType.RATE;
            case TREND -> MetricType.TREND;
        };
    }

    static SampleValue value(long second, SeriesAggregate a) {
        return switch (a.type()) {
            case COUNTER -> new CounterValue(second, a.sum);
            case GAUGE -> new GaugeValue(second, a.last, a.count, a.min, a.max, a.sum / a.count);
            case RATE -> new RateValue(second, (long) a.sum, a.count);
            case TREND -> trend(second, a);
        };
    }

    private static TrendHdrValue trend(long second, SeriesAggregate a) {
        TrendBuckets b = a.buckets;
        int n = b == null ? 0 : b.size();
        long[] counters = new long[n];
        List<BucketSpan> spans = new ArrayList<>();
        long previous = -1;
        long spanStart = 0;
        long spanOffset = 0;
        for (int i = 0; i < n; i++) {
            long index = b.bucketAt(i);
            counters[i] = b.countAt(i);
            if (previous < 0) {
                spanStart = index;
                spanOffset = index;
            } else if (index != previous + 1) {
                spans.add(new BucketSpan(spanOffset, previous + 1 - spanStart));
                spanOffset = index - previous - 1;
                spanStart = index;
            }
            previous = index;
        }
        if (previous >= 0) {
            spans.add(new BucketSpan(spanOffset, previous + 1 - spanStart));
        }
        return new TrendHdrValue(second, counters, spans, a.sum, a.count, a.min, a.max,
                b == null ? 0 : b.extraLow(), b == null ? 0 : b.extraHigh(), K6Hdr.DEFAULT_MIN_RESOLUTION, 0);
    }
}
