package dev.weft.metrics;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts doubles in buckets 1/256 of a power of two wide, so any value (negative, zero, tiny or
 * huge) is kept with a relative error under 0.2% in memory bounded by the number of powers of
 * two seen (2 KiB each), never by the number of samples. Used by {@link TrendSink} once a
 * trend has too many samples to keep exactly. Not thread-safe: one writer, readers under the
 * owner's lock.
 *
 * <p>A bucket key is the top bits of the IEEE-754 representation (exponent plus 8 mantissa
 * bits), which orders positive values; negative values use the mirrored key {@code -k-1}.
 */
final class LogLinearHistogram {
    private static final int SUB_BITS = 8;
    private static final int SHIFT = 52 - SUB_BITS;
    private static final int PAGE_MASK = (1 << SUB_BITS) - 1;

    /** Pages of 256 bucket counts keyed by {@code key >> 8}; ordered so ranks can be walked. */
    private final TreeMap<Integer, long[]> pages = new TreeMap<>();
    private long zeros;
    private long total;
    /** The page written last: consecutive samples of a trend mostly land in the same binade. */
    private int lastPage = Integer.MIN_VALUE;
    private long[] lastCounts;

    void record(double value) {
        total++;
        if (value == 0) {
            zeros++;
            return;
        }
        int key = key(value);
        int page = key >> SUB_BITS;
        if (page != lastPage) {
            lastCounts = pages.computeIfAbsent(page, p -> new long[1 << SUB_BITS]);
            lastPage = page;
        }
        lastCounts[key & PAGE_MASK]++;
    }

    long totalCount() {
        return total;
    }

    /** The value of the sample at a 0-based rank in sorted order (a bucket midpoint). */
    double valueAtRank(long rank) {
        long seen = 0;
        boolean zerosCounted = false;
        for (Map.Entry<Integer, long[]> page : pages.entrySet()) {
            if (!zerosCounted && page.getKey() >= 0) {
                zerosCounted = true;
                seen += zeros;
                if (rank < seen) {
                    return 0;
                }
            }
            long[] counts = page.getValue();
            for (int i = 0; i < counts.length; i++) {
                seen += counts[i];
                if (rank < seen) {
                    return midpoint((page.getKey() << SUB_BITS) | i);
                }
            }
        }
        return 0; // only zeros above every negative bucket remain
    }

    private static int key(double value) {
        if (value > 0) {
            return (int) (Double.doubleToRawLongBits(value) >>> SHIFT);
        }
        return -(int) (Double.doubleToRawLongBits(-value) >>> SHIFT) - 1;
    }

    private static double midpoint(int key) {
        if (key < 0) {
            return -midpoint(-key - 1);
        }
        double lower = Double.longBitsToDouble((long) key << SHIFT);
        double upper = Double.longBitsToDouble((long) (key + 1) << SHIFT);
        return Double.isInfinite(lower) ? lower : lower + (upper - lower) / 2;
    }
}
