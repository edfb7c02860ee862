package dev.weft.output.cloud;

import dev.weft.cloud.wire.AggregateData;
import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.SampleTypes;
import dev.weft.cloud.wire.TrendDigest;
import dev.weft.cloud.wire.WireJson;
import dev.weft.cloud.wire.WireSample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Weft's v1 JSON metrics body ({@code POST /v1/metrics/<id>}, gzipped aggregates): a trend's
 * buckets become a {@link TrendDigest} holding each bucket's lowest value. Sender thread only.
 */
final class JsonBatchEncoder implements BatchEncoder {
    @Override
    public Batch encode(String referenceId, List<SeriesBuffer.Entry> entries) throws IOException {
        List<WireSample> samples = new ArrayList<>(entries.size());
        long count = 0;
        for (SeriesBuffer.Entry e : entries) {
            SeriesAggregate a = e.aggregate();
            count += a.count;
            samples.add(WireSample.of(SampleTypes.AGGREGATE, e.series().metric().name(), new AggregateData(
                    e.second() * 1_000_000L, a.type().k6Name(), e.series().tags().map(), a.count, a.sum, a.min,
                    a.max, a.last, a.buckets == null ? null : digest(a.buckets).encode())));
        }
        byte[] body = CloudApiClient.gzip(WireJson.GSON.toJson(samples).getBytes(StandardCharsets.UTF_8));
        return new Batch(UUID.randomUUID().toString(), CloudApi.METRICS_PATH_PREFIX + referenceId,
                Map.of("Content-Type", "application/json", "Content-Encoding", "gzip",
                        CloudApi.SAMPLE_COUNT_HEADER, Integer.toString(samples.size())),
                body, count, entries.size());
    }

    private static TrendDigest digest(TrendBuckets buckets) {
        TrendDigest d = new TrendDigest();
        for (int i = 0; i < buckets.size(); i++) {
            d.record(TrendBuckets.lowestOf(buckets.bucketAt(i)) * TrendBuckets.MIN_RESOLUTION, buckets.countAt(i));
        }
        d.record(0, buckets.extraLow());
        return d;
    }
}
