package dev.weft.output.push;

import dev.weft.metrics.Metric;
import dev.weft.metrics.Tags;
import java.util.Objects;

/**
 * A metric with a sample's tags as k6 groups them into a series: {@code vu} and {@code iter}
 * (k6's metadata, not tags) and empty values left out, compared without building a new tag set,
 * since this runs once per sample on a pusher thread (Prometheus series, OpenTelemetry attribute sets).
 */
public final class SeriesKey {
    private final Metric metric;
    private final Tags tags;
    private final int hash;

    public SeriesKey(Metric metric, Tags tags) {
        this.metric = metric;
        this.tags = tags == null ? Tags.EMPTY : tags;
        int h = metric.hashCode();
        for (int i = 0; i < this.tags.size(); i++) {
            if (counts(this.tags, i)) {
                h = 31 * h + this.tags.keyAt(i).hashCode() * 17 + this.tags.valueAt(i).hashCode();
            }
        }
        this.hash = h;
    }

    /** Whether the {@code i}th tag belongs to the series (not vu/iter, not empty). */
    public static boolean counts(Tags tags, int i) {
        String key = tags.keyAt(i);
        String value = tags.valueAt(i);
        return value != null && !value.isEmpty() && !key.equals("vu") && !key.equals("iter");
    }

    public Metric metric() {
        return metric;
    }

    public Tags tags() {
        return tags;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SeriesKey k) || k.hash != hash || !k.metric.equals(metric)) {
            return false;
        }
        int i = 0;
        int j = 0;
        while (true) {
            while (i < tags.size() && !counts(tags, i)) {
                i++;
            }
            while (j < k.tags.size() && !counts(k.tags, j)) {
                j++;
            }
            if (i == tags.size() || j == k.tags.size()) {
                return i == tags.size() && j == k.tags.size();
            }
            if (!tags.keyAt(i).equals(k.tags.keyAt(j)) || !Objects.equals(tags.valueAt(i), k.tags.valueAt(j))) {
                return false;
            }
            i++;
            j++;
        }
    }
}
