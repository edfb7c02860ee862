package dev.weft.cloud.metrics;

import dev.weft.cloud.wire.TrendDigest;
import java.util.Map;

/**
 * Everything known about one metric with one tag set within one second: count, sum, min, max,
 * the latest value, and for trends a {@link TrendDigest} for percentiles. Aggregates of the
 * same key merge by adding up, so late or repeated data folds in. Mutable; owned by one
 * request thread at a time.
 *
 * <p>For a rate, {@code sum} counts the non-zero samples; for a counter it is the total.
 */
public final class SecondAggregate {
    /** Identity of an aggregate: a series (metric + tags) at a second. */
    public record Key(String metric, String tagsKey, long second) {
    }

    private final String metric;
    private final String type;
    private final Map<String, String> tags;
    private final String tagsKey;
    private final long second;
    private long count;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double last;
    private TrendDigest digest;

    public SecondAggregate(String metric, String type, Map<String, String> tags, String tagsKey, long second) {
        this.metric = metric;
        this.type = type;
        this.tags = tags;
        this.tagsKey = tagsKey;
        this.second = second;
    }

    public Key key() {
        return new Key(metric, tagsKey, second);
    }

    /** Adds one sample. */
    public void add(double value) {
        addSummary(1, "rate".equals(type) ? (value != 0 ? 1 : 0) : value, value, value, value);
        if ("trend".equals(type)) {
            digest().record(value);
        }
    }

    /** Adds a summary of {@code n} samples. */
    public void addSummary(long n, double total, double lo, double hi, double latest) {
        if (n <= 0) {
            return;
        }
        count += n;
        sum += total;
        min = Math.min(min, lo);
        max = Math.max(max, hi);
        last = latest;
    }

    /** Records {@code value} {@code times} times into the trend digest only (a histogram bucket's share). */
    public void recordInDigest(double value, long times) {
        digest().record(value, times);
    }

    public void addDigest(TrendDigest other) {
        digest().add(other);
    }

    public void merge(SecondAggregate other) {
        addSummary(other.count, other.sum, other.min, other.max, other.last);
        if (other.digest != null) {
            addDigest(other.digest);
        }
    }

    private TrendDigest digest() {
        if (digest == null) {
            digest = new TrendDigest();
        }
        return digest;
    }

    public String metric() {
        return metric;
    }

    public String type() {
        return type;
    }

    public Map<String, String> tags() {
        return tags;
    }

    public String tagsKey() {
        return tagsKey;
    }

    public long second() {
        return second;
    }

    public long count() {
        return count;
    }

    public double sum() {
        return sum;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double last() {
        return last;
    }

    /** The trend digest, or null for other metric types. */
    public TrendDigest digestOrNull() {
        return digest;
    }
}
