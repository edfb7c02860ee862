package dev.weft.cloud.wire.v2;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a {@link MetricSet} as protobuf, field numbers from k6's {@code pbcloud/metric.proto}.
 * proto3 rules: scalars equal to their default are left out, repeated uint32 are packed,
 * optional fields are written when non-zero. Sizes of nested messages are computed before
 * they are written (depth 6, so recomputing costs little). Stateless.
 */
final class MetricSetWriter {
    private static final int LEN = 2;

    private MetricSetWriter() {
    }

    static byte[] write(MetricSet set) {
        byte[] bytes = new byte[sizeOf(set)];
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            writeSet(out, set);
            out.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException("protobuf size miscomputed", e);
        }
        return bytes;
    }

    // ---- sizes

    private static int sizeOf(MetricSet s) {
        int n = stringSize(1, s.testRunId()) + uintSize(2, Integer.toUnsignedLong(s.aggregationPeriodSeconds()));
        for (Metric m : s.metrics()) {
            n += messageSize(3, sizeOf(m));
        }
        return n;
    }

    private static int sizeOf(Metric m) {
        int n = stringSize(1, m.name()) + uintSize(2, m.type().number());
        for (TimeSeries t : m.timeSeries()) {
            n += messageSize(3, sizeOf(t));
        }
        return n;
    }

    private static int sizeOf(TimeSeries t) {
        int n = 0;
        for (Label l : t.labels()) {
            n += messageSize(1, sizeOf(l));
        }
        if (!t.values().isEmpty()) {
            n += messageSize(samplesField(t), samplesSize(t));
        }
        return n;
    }

    private static int sizeOf(Label l) {
        return stringSize(1, l.name()) + stringSize(2, l.value());
    }

    private static int samplesSize(TimeSeries t) {
        int n = 0;
        for (SampleValue v : t.values()) {
            n += messageSize(1, sizeOf(v));
        }
        return n;
    }

    private static int sizeOf(SampleValue v) {
        int n = messageSize(1, timestampSize(v.timeSeconds()));
        switch (v) {
            case CounterValue c -> n += doubleSize(2, c.value());
            case GaugeValue g -> n += doubleSize(2, g.last()) + uintSize(3, g.count()) + doubleSize(4, g.min())
                    + doubleSize(5, g.max()) + doubleSize(6, g.avg());
            case RateValue r -> n += uintSize(2, r.nonzeroCount()) + uintSize(3, r.totalCount());
            case TrendHdrValue h -> n += trendSize(h);
        }
        return n;
    }

    private static int trendSize(TrendHdrValue h) {
        int n = 0;
        long[] counters = h.counters();
        if (counters.length > 0) {
            n += messageSize(2, packedSize(counters));
        }
        for (BucketSpan s : h.spans()) {
            n += messageSize(3, uintSize(1, s.offset()) + uintSize(2, s.length()));
        }
        n += doubleSize(5, h.sum()) + uintSize(6, h.count()) + doubleSize(7, h.minValue()) + doubleSize(8, h.maxValue());
        n += optionalSize(9, h.extraLowValuesCounter()) + optionalSize(10, h.extraHighValuesCounter());
        n += doubleSize(11, h.minResolution()) + optionalSize(12, h.significantDigits());
        return n;
    }

    private static int timestampSize(long seconds) {
        return seconds == 0 ? 0 : CodedOutputStream.computeInt64Size(1, seconds);
    }

    private static int packedSize(long[] values) {
        int n = 0;
        for (long v : values) {
            n += CodedOutputStream.computeUInt64SizeNoTag(checkUint32(v));
        }
        return n;
    }

    private static int messageSize(int field, int size) {
        return CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt32SizeNoTag(size) + size;
    }

    private static int stringSize(int field, String s) {
        return s.isEmpty() ? 0 : CodedOutputStream.computeStringSize(field, s);
    }

    private static int uintSize(int field, long v) {
        return v == 0 ? 0 : CodedOutputStream.computeUInt64Size(field, checkUint32(v));
    }

    private static int optionalSize(int field, long v) {
        return uintSize(field, v);
    }

    private static int doubleSize(int field, double v) {
        return isDefault(v) ? 0 : CodedOutputStream.computeDoubleSize(field, v);
    }

    private static boolean isDefault(double v) {
        return Double.doubleToRawLongBits(v) == 0;
    }

    private static long checkUint32(long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("value " + v + " does not fit a uint32 field");
        }
        return v;
    }

    private static int samplesField(TimeSeries t) {
        int field = fieldOf(t.values().get(0));
        for (SampleValue v : t.values()) {
            if (fieldOf(v) != field) {
                throw new IllegalArgumentException("a time series mixes " + t.values().get(0).getClass().getSimpleName()
                        + " and " + v.getClass().getSimpleName());
            }
        }
        return field;
    }

    private static int fieldOf(SampleValue v) {
        return switch (v) {
            case CounterValue c -> 2;
            case GaugeValue g -> 3;
            case RateValue r -> 4;
            case TrendHdrValue h -> 5;
        };
    }

    // ---- writing

    private static void writeSet(CodedOutputStream out, MetricSet s) throws IOException {
        writeString(out, 1, s.testRunId());
        writeUint(out, 2, Integer.toUnsignedLong(s.aggregationPeriodSeconds()));
        for (Metric m : s.metrics()) {
            header(out, 3, sizeOf(m));
            writeString(out, 1, m.name());
            writeUint(out, 2, m.type().number());
            for (TimeSeries t : m.timeSeries()) {
                header(out, 3, sizeOf(t));
                writeSeries(out, t);
            }
        }
    }

    private static void writeSeries(CodedOutputStream out, TimeSeries t) throws IOException {
        for (Label l : t.labels()) {
            header(out, 1, sizeOf(l));
            writeString(out, 1, l.name());
            writeString(out, 2, l.value());
        }
        if (t.values().isEmpty()) {
            return;
        }
        header(out, samplesField(t), samplesSize(t));
        for (SampleValue v : t.values()) {
            header(out, 1, sizeOf(v));
            writeValue(out, v);
        }
    }

    private static void writeValue(CodedOutputStream out, SampleValue v) throws IOException {
        header(out, 1, timestampSize(v.timeSeconds()));
        if (v.timeSeconds() != 0) {
            out.writeInt64(1, v.timeSeconds());
        }
        switch (v) {
            case CounterValue c -> writeDouble(out, 2, c.value());
            case GaugeValue g -> {
                writeDouble(out, 2, g.last());
                writeUint(out, 3, g.count());
                writeDouble(out, 4, g.min());
                writeDouble(out, 5, g.max());
                writeDouble(out, 6, g.avg());
            }
            case RateValue r -> {
                writeUint(out, 2, r.nonzeroCount());
                writeUint(out, 3, r.totalCount());
            }
            case TrendHdrValue h -> writeTrend(out, h);
        }
    }

    private static void writeTrend(CodedOutputStream out, TrendHdrValue h) throws IOException {
        long[] counters = h.counters();
        if (counters.length > 0) {
            header(out, 2, packedSize(counters));
            for (long c : counters) {
                out.writeUInt64NoTag(c);
            }
        }
        for (BucketSpan s : h.spans()) {
            header(out, 3, uintSize(1, s.offset()) + uintSize(2, s.length()));
            writeUint(out, 1, s.offset());
            writeUint(out, 2, s.length());
        }
        writeDouble(out, 5, h.sum());
        writeUint(out, 6, h.count());
        writeDouble(out, 7, h.minValue());
        writeDouble(out, 8, h.maxValue());
        writeUint(out, 9, h.extraLowValuesCounter());
        writeUint(out, 10, h.extraHighValuesCounter());
        writeDouble(out, 11, h.minResolution());
        writeUint(out, 12, h.significantDigits());
    }

    private static void header(CodedOutputStream out, int field, int size) throws IOException {
        out.writeTag(field, LEN);
        out.writeUInt32NoTag(size);
    }

    private static void writeString(CodedOutputStream out, int field, String s) throws IOException {
        if (!s.isEmpty()) {
            out.writeString(field, s);
        }
    }

    private static void writeUint(CodedOutputStream out, int field, long v) throws IOException {
        if (v != 0) {
            out.writeUInt64(field, checkUint32(v));
        }
    }

    private static void writeDouble(CodedOutputStream out, int field, double v) throws IOException {
        if (!isDefault(v)) {
            out.writeDouble(field, v);
        }
    }
}
