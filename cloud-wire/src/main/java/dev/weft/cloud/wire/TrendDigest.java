package dev.weft.cloud.wire;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * A mergeable summary of a trend's values for percentiles: an HdrHistogram with three
 * significant digits over thousandths of the value (microseconds for a time in
 * milliseconds). Negative values count as zero here; exact min and max travel beside it.
 * Not thread-safe: one owner at a time (the output's aggregator, or one ingest request).
 */
public final class TrendDigest {
    /** A longer encoded text is refused: a second of one series never needs this much. */
    public static final int MAX_ENCODED_CHARS = 256 * 1024;
    private static final double SCALE = 1000.0;

    private final Histogram histogram;

    public TrendDigest() {
        this(new Histogram(3));
    }

    private TrendDigest(Histogram histogram) {
        this.histogram = histogram;
    }

    public void record(double value) {
        record(value, 1);
    }

    /** Records {@code value} as if seen {@code times} times. */
    public void record(double value, long times) {
        if (times <= 0 || Double.isNaN(value)) {
            return;
        }
        long scaled = value <= 0 ? 0 : Math.round(Math.min(value * SCALE, (double) (Long.MAX_VALUE / 4)));
        histogram.recordValueWithCount(scaled, times);
    }

    public void add(TrendDigest other) {
        histogram.add(other.histogram);
    }

    /** Adds a digest stored as {@link #toBytes()} without making a digest of it first (faster when merging many). */
    public void addBytes(byte[] bytes) {
        try {
            histogram.add(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0));
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("malformed histogram: " + e.getMessage(), e);
        }
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** The value at a percentile (0-100), or 0 for an empty digest. */
    public double percentile(double percentile) {
        if (histogram.getTotalCount() == 0) {
            return 0;
        }
        return histogram.getValueAtPercentile(percentile) / SCALE;
    }

    /**
     * The value at a percentile (0-100) as k6's summary and thresholds compute it: linear
     * interpolation between the two samples around rank {@code p/100·(n−1)}, each sample taken
     * at its histogram bucket's value (three significant digits); 0 for an empty digest. With
     * few samples this differs a lot from {@link #percentile} (the nearest rank).
     */
    public double percentileInterpolated(double percentile) {
        long n = histogram.getTotalCount();
        if (n == 0) {
            return 0;
        }
        double position = Math.max(0, Math.min(100, percentile)) / 100.0 * (n - 1);
        long below = (long) Math.floor(position);
        double fraction = position - below;
        double a = valueAtRank(below);
        double b = fraction > 0 ? valueAtRank(below + 1) : a;
        return (a + (b - a) * fraction) / SCALE;
    }

    /** The (0-based) {@code rank}-th smallest sample, at its bucket's highest equivalent value. */
    private double valueAtRank(long rank) {
        long seen = 0;
        for (org.HdrHistogram.HistogramIterationValue v : histogram.recordedValues()) {
            seen += v.getCountAtValueIteratedTo();
            if (seen > rank) {
                return histogram.highestEquivalentValue(v.getValueIteratedTo());
            }
        }
        return histogram.getMaxValue();
    }

    /** Compressed and base64-encoded, as {@link AggregateData#histogram()} carries it. */
    public String encode() {
        return Base64.getEncoder().encodeToString(toBytes());
    }

    /** Compressed bytes, as the service stores them. */
    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer, 1);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return bytes;
    }

    /** Reads {@link #encode()}'s text; a malformed text is an {@link IllegalArgumentException}. */
    public static TrendDigest decode(String encoded) {
        if (encoded.length() > MAX_ENCODED_CHARS) {
            throw new IllegalArgumentException("histogram is longer than " + MAX_ENCODED_CHARS + " characters");
        }
        return fromBytes(Base64.getDecoder().decode(encoded));
    }

    /** Reads {@link #toBytes()}; malformed bytes are an {@link IllegalArgumentException}. */
    public static TrendDigest fromBytes(byte[] bytes) {
        try {
            Histogram h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
            Histogram resizable = new Histogram(3);
            resizable.add(h);
            return new TrendDigest(resizable);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("malformed histogram: " + e.getMessage(), e);
        }
    }
}
