package dev.weft.output.prometheus;

import com.google.protobuf.CodedOutputStream;
import dev.weft.output.prometheus.PromSeries.Label;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Encodes Prometheus's remote-write {@code WriteRequest} (prometheus/prompb remote.proto and
 * types.proto) by field number with protobuf's {@link CodedOutputStream}, no generated code:
 * <pre>
 * WriteRequest { repeated TimeSeries timeseries = 1; }
 * TimeSeries   { repeated Label labels = 1; repeated Sample samples = 2; repeated Histogram histograms = 4; }
 * Label        { string name = 1; string value = 2; }
 * Sample       { double value = 1; int64 timestamp = 2; }
 * Histogram    { uint64 count_int = 1; double sum = 3; sint32 schema = 4; double zero_threshold = 5;
 *                uint64 zero_count_int = 6; repeated BucketSpan positive_spans = 11;
 *                repeated sint64 positive_deltas = 12 [packed]; int64 timestamp = 15; }
 * BucketSpan   { sint32 offset = 1; uint32 length = 2; }
 * </pre>
 * Sizes are computed first, then written into one array. Stateless; used on the pusher thread.
 */
final class WriteRequestEncoder {
    private WriteRequestEncoder() {
    }

    static byte[] encode(List<PromSeries> series) throws IOException {
        int[] sizes = new int[series.size()];
        int total = 0;
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = seriesSize(series.get(i));
            total += CodedOutputStream.computeTagSize(1) + CodedOutputStream.computeUInt32SizeNoTag(sizes[i]) + sizes[i];
        }
        byte[] out = new byte[total];
        CodedOutputStream cos = CodedOutputStream.newInstance(out);
        for (int i = 0; i < sizes.length; i++) {
            cos.writeTag(1, 2);
            cos.writeUInt32NoTag(sizes[i]);
            writeSeries(cos, series.get(i));
        }
        cos.checkNoSpaceLeft();
        return out;
    }

    private static int labelSize(Label l) {
        return CodedOutputStream.computeStringSize(1, l.name()) + CodedOutputStream.computeStringSize(2, l.value());
    }

    private static int sampleSize(PromSeries s) {
        return CodedOutputStream.computeDoubleSize(1, s.value()) + CodedOutputStream.computeInt64Size(2, s.timestampMillis());
    }

    private static int nested(int fieldSize) {
        return CodedOutputStream.computeTagSize(1) + CodedOutputStream.computeUInt32SizeNoTag(fieldSize) + fieldSize;
    }

    private static int seriesSize(PromSeries s) {
        int size = 0;
        for (Label l : s.labels()) {
            size += nested(labelSize(l));
        }
        size += s.histogram() == null ? nested(sampleSize(s)) : nested(histogramSize(s));
        return size;
    }

    private static void writeSeries(CodedOutputStream cos, PromSeries s) throws IOException {
        for (Label l : s.labels()) {
            cos.writeTag(1, 2);
            cos.writeUInt32NoTag(labelSize(l));
            cos.writeString(1, l.name());
            cos.writeString(2, l.value());
        }
        if (s.histogram() == null) {
            cos.writeTag(2, 2);
            cos.writeUInt32NoTag(sampleSize(s));
            cos.writeDouble(1, s.value());
            cos.writeInt64(2, s.timestampMillis());
        } else {
            cos.writeTag(4, 2);
            cos.writeUInt32NoTag(histogramSize(s));
            writeHistogram(cos, s);
        }
    }

    /** Spans of consecutive bucket indexes: [offset, length] pairs, offsets relative to the previous span's end. */
    private static int[][] spans(Map<Integer, Long> buckets) {
        int[][] spans = new int[buckets.size()][];
        int n = 0;
        Integer prev = null;
        for (int k : buckets.keySet()) {
            if (prev != null && k == prev + 1) {
                spans[n - 1][1]++;
            } else {
                spans[n++] = new int[] {prev == null ? k : k - prev - 1, 1};
            }
            prev = k;
        }
        return java.util.Arrays.copyOf(spans, n);
    }

    private static int deltasSize(Map<Integer, Long> buckets) {
        int size = 0;
        long prev = 0;
        for (long c : buckets.values()) {
            size += CodedOutputStream.computeSInt64SizeNoTag(c - prev);
            prev = c;
        }
        return size;
    }

    private static int histogramSize(PromSeries s) {
        NativeHistogram.Snapshot h = s.histogram();
        int size = CodedOutputStream.computeUInt64Size(1, h.count()) + CodedOutputStream.computeDoubleSize(3, h.sum())
                + CodedOutputStream.computeSInt32Size(4, NativeHistogram.SCHEMA)
                + CodedOutputStream.computeDoubleSize(5, NativeHistogram.ZERO_THRESHOLD)
                + CodedOutputStream.computeUInt64Size(6, h.zeroCount())
                + CodedOutputStream.computeInt64Size(15, s.timestampMillis());
        for (int[] span : spans(h.buckets())) {
            int spanSize = CodedOutputStream.computeSInt32Size(1, span[0]) + CodedOutputStream.computeUInt32Size(2, span[1]);
            size += CodedOutputStream.computeTagSize(11) + CodedOutputStream.computeUInt32SizeNoTag(spanSize) + spanSize;
        }
        if (!h.buckets().isEmpty()) {
            int d = deltasSize(h.buckets());
            size += CodedOutputStream.computeTagSize(12) + CodedOutputStream.computeUInt32SizeNoTag(d) + d;
        }
        return size;
    }

    private static void writeHistogram(CodedOutputStream cos, PromSeries s) throws IOException {
        NativeHistogram.Snapshot h = s.histogram();
        cos.writeUInt64(1, h.count());
        cos.writeDouble(3, h.sum());
        cos.writeSInt32(4, NativeHistogram.SCHEMA);
        cos.writeDouble(5, NativeHistogram.ZERO_THRESHOLD);
        cos.writeUInt64(6, h.zeroCount());
        for (int[] span : spans(h.buckets())) {
            cos.writeTag(11, 2);
            cos.writeUInt32NoTag(CodedOutputStream.computeSInt32Size(1, span[0])
                    + CodedOutputStream.computeUInt32Size(2, span[1]));
            cos.writeSInt32(1, span[0]);
            cos.writeUInt32(2, span[1]);
        }
        if (!h.buckets().isEmpty()) {
            cos.writeTag(12, 2);
            cos.writeUInt32NoTag(deltasSize(h.buckets()));
            long prev = 0;
            for (long c : h.buckets().values()) {
                cos.writeSInt64NoTag(c - prev);
                prev = c;
            }
        }
        cos.writeInt64(15, s.timestampMillis());
    }
}
