package dev.weft.pipeline;

import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Counts the distinct time series (metric name plus tag set) a run has made and warns once the
 * count passes 100,000, then again at every doubling, as k6 v1 does: so many series usually
 * mean a unique id in a tag, and they cost memory in every output and at the results service.
 * It runs as a {@link SampleIngester}, so it warns with or without any output.
 *
 * <p>Memory stays small however many series come: a series is remembered by a 64-bit hash in
 * an open-addressing table of {@code long}s (16 bytes a series at most), not by its tags. The
 * hash is mixed from each string's cached {@link String#hashCode()} and length, so a sample
 * costs no pass over its characters; two series count once only when every one of their
 * strings has the same 32-bit hash and length as the other's (a few in a million series of
 * random ids), which is far finer than a warning needs.
 *
 * <p>Called on the pipeline's consumer thread only; not thread-safe. {@link #count()} may be
 * read from any thread (a racy but harmless read of one field).
 */
public final class TimeSeriesLimit implements SampleIngester {
    /** The first count that warns, as in k6 v1. */
    public static final long FIRST_LIMIT = 100_000;
    private static final long EMPTY_SLOT = 0;

    private final Consumer<String> warn;
    private long[] table = new long[1 << 12];
    private volatile long count;
    private long limit;

    /** @param warn prints one warning line for the user (the CLI's console, a list in tests) */
    public TimeSeriesLimit(Consumer<String> warn) {
        this(warn, FIRST_LIMIT);
    }

    TimeSeriesLimit(Consumer<String> warn, long firstLimit) {
        this.warn = Objects.requireNonNull(warn);
        this.limit = firstLimit;
    }

    @Override
    public void ingest(List<Sample> batch) {
        for (Sample s : batch) {
            add(hash(s.metric().name(), s.tags()));
        }
        if (count > limit) {
            warn.accept(message(count, FIRST_LIMIT));
            while (limit < count) {
                limit *= 2;
            }
        }
    }

    /** Distinct series seen so far. */
    public long count() {
        return count;
    }

    /** The warning's wording, close to k6 v1's so people searching for it find both. */
    static String message(long seen, long suggested) {
        return "The test has generated metrics with " + seen + " unique time series, which is higher than the "
                + "suggested limit of " + suggested + " and could cause high memory usage. Consider not using "
                + "high-cardinality values like unique IDs as metric tags or, if you need them in the URL, use "
                + "the name metric tag or URL grouping. See "
                + "https://grafana.com/docs/k6/latest/using-k6/tags-and-groups/ for details.";
    }

    private void add(long h) {
        long key = h == EMPTY_SLOT ? 1 : h;
        int mask = table.length - 1;
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (true) {
            long at = table[i];
            if (at == key) {
                return;
            }
            if (at == EMPTY_SLOT) {
                table[i] = key;
                count++;
                if (count * 2 > table.length) {
                    grow();
                }
                return;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long key : old) {
            if (key != EMPTY_SLOT) {
                int i = (int) (key ^ (key >>> 32)) & mask;
                while (table[i] != EMPTY_SLOT) {
                    i = (i + 1) & mask;
                }
                table[i] = key;
            }
        }
    }

    /** A 64-bit hash of a series: the name and each tag pair, in key order. */
    static long hash(String metric, Tags tags) {
        long h = mix(0x9E3779B97F4A7C15L, metric);
        if (tags != null) {
            for (int i = 0; i < tags.size(); i++) {
                h = mix(h * 31 + 1, tags.keyAt(i));
                String v = tags.valueAt(i);
                h = mix(h * 31 + 2, v == null ? "" : v);
            }
        }
        return finish(h);
    }

    private static long mix(long h, String s) {
        h = (h ^ (s.hashCode() & 0xFFFFFFFFL)) * 0xBF58476D1CE4E5B9L;
        return (h ^ ((long) s.length() << 32) ^ (h >>> 27)) * 0x94D049BB133111EBL;
    }

    private static long finish(long h) {
        h ^= h >>> 31;
        h *= 0x94D049BB133111EBL;
        return h ^ (h >>> 29);
    }
}
