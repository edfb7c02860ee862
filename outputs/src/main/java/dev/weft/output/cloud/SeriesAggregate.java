package dev.weft.output.cloud;

import dev.weft.metrics.MetricType;

/**
 * Every sample of one series (metric and tag set) within one slot of the output's buffer
 * (one second, or a span of seconds once merged): count, sum, min, max, the latest value, and
 * for a trend its {@link TrendBuckets}. About 80 bytes plus a trend's buckets, instead of a
 * tree of JSON objects. Owned by {@link SeriesBuffer} under its lock; not thread-safe.
 */
final class SeriesAggregate {
    private final MetricType type;
    long count;
    /** Sum of values; for a rate, how many were non-zero. */
    double sum;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double last;
    long lastTimeMillis = Long.MIN_VALUE;
    TrendBuckets buckets;

    SeriesAggregate(MetricType type) {
        this.type = type;
    }

    MetricType type() {
        return type;
    }

    /** Adds one value; returns how many bytes this grew by. */
    long add(double value, long timeMillis) {
        count++;
        sum += type == MetricType.RATE ? (value != 0 ? 1 : 0) : value;
        min = Math.min(min, value);
        max = Math.max(max, value);
        if (timeMillis >= lastTimeMillis) {
            last = value;
            lastTimeMillis = timeMillis;
        }
        if (type != MetricType.TREND) {
            return 0;
        }
        if (buckets == null) {
            buckets = new TrendBuckets();
            buckets.add(value);
            return buckets.bytes();
        }
        long before = buckets.bytes();
        buckets.add(value);
        return buckets.bytes() - before;
    }

    /** Folds another aggregate of the same series in; returns how many bytes this grew by. */
    long merge(SeriesAggregate other) {
        count += other.count;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        if (other.lastTimeMillis >= lastTimeMillis) {
            last = other.last;
            lastTimeMillis = other.lastTimeMillis;
        }
        if (other.buckets == null) {
            return 0;
        }
        if (buckets == null) {
            buckets = other.buckets;
            return buckets.bytes();
        }
        long before = buckets.bytes();
        buckets.merge(other.buckets);
        return buckets.bytes() - before;
    }

    /** Heap bytes of this aggregate alone (its buckets included). */
    long bytes() {
        return 72 + (buckets == null ? 0 : buckets.bytes());
    }
}
