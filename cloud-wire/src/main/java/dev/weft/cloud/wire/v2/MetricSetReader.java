package dev.weft.cloud.wire.v2;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a protobuf {@link MetricSet} (field numbers of k6's {@code pbcloud/metric.proto}).
 * Unknown fields are skipped, as protobuf readers do; a known field with the wrong wire type
 * is malformed. Repeated uint32 are read packed or not. One instance per body; not thread-safe.
 */
final class MetricSetReader {
    private final CodedInputStream in;

    private MetricSetReader(byte[] bytes) {
        this.in = CodedInputStream.newInstance(bytes);
    }

    static MetricSet read(byte[] bytes) throws MalformedMetricsException {
        try {
            return new MetricSetReader(bytes).readSet();
        } catch (IOException e) {
            throw new MalformedMetricsException("malformed protobuf MetricSet: " + e.getMessage(), e);
        }
    }

    private MetricSet readSet() throws IOException, MalformedMetricsException {
        String runId = "";
        int period = 0;
        List<Metric> metrics = new ArrayList<>();
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> runId = string(tag, "MetricSet.test_run_id");
                case 2 -> period = (int) uint(tag, "MetricSet.aggregation_period");
                case 3 -> metrics.add(nested(tag, "MetricSet.metrics", this::readMetric));
                default -> in.skipField(tag);
            }
        }
        return new MetricSet(runId, period, metrics);
    }

    private Metric readMetric() throws IOException, MalformedMetricsException {
        String name = "";
        MetricType type = MetricType.UNSPECIFIED;
        List<TimeSeries> series = new ArrayList<>();
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> name = string(tag, "Metric.name");
                case 2 -> type = MetricType.of((int) uint(tag, "Metric.type"));
                case 3 -> series.add(nested(tag, "Metric.time_series", this::readSeries));
                default -> in.skipField(tag);
            }
        }
        return new Metric(name, type, series);
    }

    private TimeSeries readSeries() throws IOException, MalformedMetricsException {
        List<Label> labels = new ArrayList<>();
        List<SampleValue> values = new ArrayList<>();
        int samplesField = 0;
        int tag;
        while ((tag = in.readTag()) != 0) {
            int field = WireFormat.getTagFieldNumber(tag);
            switch (field) {
                case 1 -> labels.add(nested(tag, "TimeSeries.labels", this::readLabel));
                case 2, 3, 4, 5 -> {
                    if (samplesField != field) {
                        values.clear(); // oneof: the last case on the wire wins
                        samplesField = field;
                    }
                    List<SampleValue> read = nested(tag, "TimeSeries.samples", () -> readSamples(field));
                    values.addAll(read);
                }
                default -> in.skipField(tag);
            }
        }
        return new TimeSeries(labels, values);
    }

    private Label readLabel() throws IOException, MalformedMetricsException {
        String name = "";
        String value = "";
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> name = string(tag, "Label.name");
                case 2 -> value = string(tag, "Label.value");
                default -> in.skipField(tag);
            }
        }
        return new Label(name, value);
    }

    private List<SampleValue> readSamples(int kind) throws IOException, MalformedMetricsException {
        List<SampleValue> values = new ArrayList<>();
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (WireFormat.getTagFieldNumber(tag) != 1) {
                in.skipField(tag);
                continue;
            }
            values.add(nested(tag, "samples.values", () -> switch (kind) {
                case 2 -> readCounter();
                case 3 -> readGauge();
                case 4 -> readRate();
                default -> readTrend();
            }));
        }
        return values;
    }

    private SampleValue readCounter() throws IOException, MalformedMetricsException {
        long time = 0;
        double value = 0;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> time = nested(tag, "CounterValue.time", this::readTimestamp);
                case 2 -> value = dbl(tag, "CounterValue.value");
                default -> in.skipField(tag);
            }
        }
        return new CounterValue(time, value);
    }

    private SampleValue readGauge() throws IOException, MalformedMetricsException {
        long time = 0;
        long count = 0;
        double last = 0;
        double min = 0;
        double max = 0;
        double avg = 0;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> time = nested(tag, "GaugeValue.time", this::readTimestamp);
                case 2 -> last = dbl(tag, "GaugeValue.last");
                case 3 -> count = uint(tag, "GaugeValue.count");
                case 4 -> min = dbl(tag, "GaugeValue.min");
                case 5 -> max = dbl(tag, "GaugeValue.max");
                case 6 -> avg = dbl(tag, "GaugeValue.avg");
                default -> in.skipField(tag);
            }
        }
        return new GaugeValue(time, last, count, min, max, avg);
    }

    private SampleValue readRate() throws IOException, MalformedMetricsException {
        long time = 0;
        long nonzero = 0;
        long total = 0;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> time = nested(tag, "RateValue.time", this::readTimestamp);
                case 2 -> nonzero = uint(tag, "RateValue.nonzero_count");
                case 3 -> total = uint(tag, "RateValue.total_count");
                default -> in.skipField(tag);
            }
        }
        return new RateValue(time, nonzero, total);
    }

    private SampleValue readTrend() throws IOException, MalformedMetricsException {
        long time = 0;
        LongList counters = new LongList();
        List<BucketSpan> spans = new ArrayList<>();
        double sum = 0;
        long count = 0;
        double min = 0;
        double max = 0;
        long extraLow = 0;
        long extraHigh = 0;
        double resolution = 0;
        int digits = 0;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> time = nested(tag, "TrendHdrValue.time", this::readTimestamp);
                case 2 -> readCounters(tag, counters);
                case 3 -> spans.add(nested(tag, "TrendHdrValue.spans", this::readSpan));
                case 5 -> sum = dbl(tag, "TrendHdrValue.sum");
                case 6 -> count = uint(tag, "TrendHdrValue.count");
                case 7 -> min = dbl(tag, "TrendHdrValue.min_value");
                case 8 -> max = dbl(tag, "TrendHdrValue.max_value");
                case 9 -> extraLow = uint(tag, "TrendHdrValue.extra_low_values_counter");
                case 10 -> extraHigh = uint(tag, "TrendHdrValue.extra_high_values_counter");
                case 11 -> resolution = dbl(tag, "TrendHdrValue.min_resolution");
                case 12 -> digits = (int) uint(tag, "TrendHdrValue.significant_digits");
                default -> in.skipField(tag);
            }
        }
        return new TrendHdrValue(time, counters.toArray(), spans, sum, count, min, max, extraLow, extraHigh, resolution,
                digits);
    }

    private void readCounters(int tag, LongList counters) throws IOException, MalformedMetricsException {
        if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int limit = in.pushLimit(in.readRawVarint32());
            while (!in.isAtEnd()) {
                counters.add(Integer.toUnsignedLong(in.readUInt32()));
            }
            in.popLimit(limit);
        } else {
            counters.add(uint(tag, "TrendHdrValue.counters"));
        }
    }

    private BucketSpan readSpan() throws IOException, MalformedMetricsException {
        long offset = 0;
        long length = 0;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> offset = uint(tag, "BucketSpan.offset");
                case 2 -> length = uint(tag, "BucketSpan.length");
                default -> in.skipField(tag);
            }
        }
        return new BucketSpan(offset, length);
    }

    private Long readTimestamp() throws IOException, MalformedMetricsException {
        long seconds = 0;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> {
                    expect(tag, WireFormat.WIRETYPE_VARINT, "Timestamp.seconds");
                    seconds = in.readInt64();
                }
                case 2 -> {
                    expect(tag, WireFormat.WIRETYPE_VARINT, "Timestamp.nanos");
                    in.readInt32(); // k6 sends whole seconds; a value covers its period from the second it starts in
                }
                default -> in.skipField(tag);
            }
        }
        return seconds;
    }

    // ---- field helpers

    @FunctionalInterface
    private interface Body<T> {
        T read() throws IOException, MalformedMetricsException;
    }

    private <T> T nested(int tag, String field, Body<T> body) throws IOException, MalformedMetricsException {
        expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, field);
        int length = in.readRawVarint32();
        if (length < 0) {
            throw new MalformedMetricsException(field + " has a negative length");
        }
        int limit = in.pushLimit(length);
        T value = body.read();
        if (!in.isAtEnd()) {
            throw new MalformedMetricsException(field + " did not end where its length said");
        }
        in.popLimit(limit);
        return value;
    }

    private String string(int tag, String field) throws IOException, MalformedMetricsException {
        expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, field);
        return in.readStringRequireUtf8();
    }

    private long uint(int tag, String field) throws IOException, MalformedMetricsException {
        expect(tag, WireFormat.WIRETYPE_VARINT, field);
        return Integer.toUnsignedLong(in.readUInt32());
    }

    private double dbl(int tag, String field) throws IOException, MalformedMetricsException {
        expect(tag, WireFormat.WIRETYPE_FIXED64, field);
        return in.readDouble();
    }

    private static void expect(int tag, int wireType, String field) throws MalformedMetricsException {
        if (WireFormat.getTagWireType(tag) != wireType) {
            throw new MalformedMetricsException(field + " has wire type " + WireFormat.getTagWireType(tag)
                    + ", expected " + wireType);
        }
    }

    /** A growable long array for packed counters. */
    private static final class LongList {
        private long[] values = new long[16];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
