package dev.weft.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A full execution segment sequence with k6's "striped offsets" worked out once (k6's
 * ExecutionSegmentSequenceWrapper). Think of the test's VUs or iterations as an endless row
 * 0, 1, 2, ...; striping deals them out to the segments in repeating cycles of {@code lcd}
 * items, each segment taking {@code length × lcd} of every cycle, spread as evenly as
 * possible (the largest segments choose first). Every instance computes the same deal, so
 * together they cover each item exactly once. Immutable; built at start-up.
 */
public final class StripedSequence {
    private final ExecutionSegmentSequence sequence;
    private final long lcd;
    /** Per segment: its first item in a cycle, then the step to each next item (k6's layout). */
    private final long[][] offsets;
    /** Per segment: the positions in a cycle that are its own, ascending. */
    private final long[][] positions;

    public StripedSequence(ExecutionSegmentSequence full) {
        if (!full.isFull()) {
            throw new SegmentException("cannot stripe a sequence that does not cover 0 to 1: '" + full + "'");
        }
        this.sequence = full;
        this.lcd = full.lcd();
        int n = full.size();
        long[] norm = new long[n];
        List<List<Long>> taken = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Rational len = full.get(i).length();
            norm[i] = len.num().longValueExact() * (lcd / len.den().longValueExact());
            taken.add(new ArrayList<>());
        }
        Integer[] bySize = new Integer[n];
        Arrays.setAll(bySize, i -> i);
        Arrays.sort(bySize, Comparator.comparingLong((Integer i) -> norm[i]).reversed()); // stable
        long[] chosen = new long[n];
        for (long item = 0; item < lcd; item++) {
            for (int s = 0; s < n; s++) {
                long num = chosen[s] * lcd;
                long denom = norm[bySize[s]];
                // a segment takes the item once it is at least 1/length items past its last one
                if (item > num / denom || (item == num / denom && num % denom == 0)) {
                    chosen[s]++;
                    taken.get(bySize[s]).add(item);
                    break;
                }
            }
        }
        this.offsets = new long[n][];
        this.positions = new long[n][];
        for (int i = 0; i < n; i++) {
            List<Long> mine = taken.get(i);
            positions[i] = mine.stream().mapToLong(Long::longValue).toArray();
            long[] o = new long[mine.size() + 1];
            o[0] = mine.get(0);
            for (int k = 1; k < mine.size(); k++) {
                o[k] = mine.get(k) - mine.get(k - 1);
            }
            o[mine.size()] = mine.get(0) + lcd - mine.get(mine.size() - 1);
            offsets[i] = o;
        }
    }

    public ExecutionSegmentSequence sequence() {
        return sequence;
    }

    public long lcd() {
        return lcd;
    }

    /**
     * The striping of one segment: its first item in each cycle, the steps between its items
     * (the last wraps round to the next cycle's first) and the cycle length.
     */
    public record StripedOffsets(long start, long[] steps, long lcd) {
    }

    public StripedOffsets stripedOffsets(int segmentIndex) {
        long[] o = offsets[segmentIndex];
        return new StripedOffsets(o[0], Arrays.copyOfRange(o, 1, o.length), lcd);
    }

    /** How many of the first {@code value} items fall to segment {@code segmentIndex}. */
    public long scale(int segmentIndex, long value) {
        long[] mine = positions[segmentIndex];
        long result = (value / lcd) * mine.length;
        long rest = value % lcd;
        for (long p : mine) {
            if (p >= rest) {
                break;
            }
            result++;
        }
        return result;
    }

    /** The test-wide number of this segment's {@code local}-th item (both from 0). */
    long globalIndex(int segmentIndex, long local) {
        long[] mine = positions[segmentIndex];
        return (local / mine.length) * lcd + mine[(int) (local % mine.length)];
    }

    /**
     * Re-deals {@code value} items between the segments and builds the sequence whose segments
     * are exactly those shares ({@code scale(value)/value} each, empty ones dropped); k6 uses it
     * so that each instance's iterations follow its VUs. Returns the new sequence and the new
     * index of {@code trackedIndex}, or throws when that segment gets nothing.
     */
    Resegmented forValue(long value, int trackedIndex) {
        if (value < 1) {
            throw new SegmentException("cannot generate new sequence for value " + value);
        }
        if (value % lcd == 0) {
            return new Resegmented(this, trackedIndex);
        }
        List<ExecutionSegment> segments = new ArrayList<>();
        int newIndex = -1;
        long prev = 0;
        for (int i = 0; i < sequence.size(); i++) {
            long share = scale(i, value);
            if (share == 0) {
                continue;
            }
            if (i == trackedIndex) {
                newIndex = segments.size();
            }
            segments.add(new ExecutionSegment(Rational.of(prev, value), Rational.of(prev + share, value)));
            prev += share;
        }
        if (newIndex < 0) {
            throw new SegmentException("segment " + trackedIndex + " (" + sequence.get(trackedIndex)
                    + ") isn't present in the new sequence");
        }
        return new Resegmented(new StripedSequence(new ExecutionSegmentSequence(segments)), newIndex);
    }

    record Resegmented(StripedSequence sequence, int index) {
    }

    @Override
    public String toString() {
        return sequence.toString();
    }
}
