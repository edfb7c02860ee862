package dev.weft.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * k6's execution segment sequence: segments laid end to end, parsed from
 * {@code --execution-segment-sequence 0,1/3,2/3,1} ((0,1/3], (1/3,2/3], (2/3,1]). Every instance
 * of a distributed test is given the same sequence so that each can work out, alone, exactly
 * which VUs and iterations are its own. Immutable; an empty sequence means "not given".
 */
public record ExecutionSegmentSequence(List<ExecutionSegment> segments) {
    public static final ExecutionSegmentSequence NONE = new ExecutionSegmentSequence(List.of());

    public ExecutionSegmentSequence {
        segments = List.copyOf(segments);
        for (int i = 1; i < segments.size(); i++) {
            if (!segments.get(i).from().equals(segments.get(i - 1).to())) {
                throw new SegmentException("the start value " + segments.get(i).from() + " of segment #" + i
                        + " must be equal to the end value of the previous one, but it is "
                        + segments.get(i - 1).to());
            }
        }
    }

    /** Parses comma-separated points (fractions, decimals, whole percentages); empty text is {@link #NONE}. */
    public static ExecutionSegmentSequence parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String[] points = text.split(",", -1);
        if (points.length < 2) {
            throw new SegmentException("at least 2 points are needed for an execution segment sequence, "
                    + points.length + " given");
        }
        List<ExecutionSegment> segments = new ArrayList<>();
        Rational start = ExecutionSegment.point(points[0]);
        for (int i = 1; i < points.length; i++) {
            Rational end = ExecutionSegment.point(points[i]);
            segments.add(new ExecutionSegment(start, end));
            start = end;
        }
        return new ExecutionSegmentSequence(segments);
    }

    public boolean isEmpty() {
        return segments.isEmpty();
    }

    public int size() {
        return segments.size();
    }

    public ExecutionSegment get(int i) {
        return segments.get(i);
    }

    /** True when the sequence starts at 0 and ends at 1. */
    public boolean isFull() {
        return !segments.isEmpty() && segments.get(0).from().isZero()
                && segments.get(segments.size() - 1).to().equals(Rational.ONE);
    }

    /** The least common multiple of the segment lengths' denominators. */
    public long lcd() {
        long acc = segments.get(0).length().den().longValueExact();
        for (ExecutionSegment s : segments.subList(1, segments.size())) {
            long n = s.length().den().longValueExact();
            if (acc % n != 0) {
                acc = Math.multiplyExact(acc, n / gcd(acc, n));
            }
        }
        return acc;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /**
     * A sequence covering all of (0,1]: this one with the gaps before and after it filled, or
     * just {@code fallback} filled likewise when this one is empty (k6's
     * {@code GetFilledExecutionSegmentSequence}).
     */
    public ExecutionSegmentSequence filled(ExecutionSegment fallback) {
        List<ExecutionSegment> result = new ArrayList<>(segments);
        if (result.isEmpty()) {
            result.add(fallback == null ? ExecutionSegment.WHOLE : fallback);
        }
        if (!result.get(0).from().isZero()) {
            result.add(0, new ExecutionSegment(Rational.ZERO, result.get(0).from()));
        }
        Rational end = result.get(result.size() - 1).to();
        if (!end.equals(Rational.ONE)) {
            result.add(new ExecutionSegment(end, Rational.ONE));
        }
        return new ExecutionSegmentSequence(result);
    }

    /** Where {@code segment} is in this sequence; an error if it is not one of its segments. */
    public int indexOf(ExecutionSegment segment) {
        int i = segments.indexOf(segment);
        if (i < 0) {
            throw new SegmentException("couldn't find segment " + segment + " in sequence " + this);
        }
        return i;
    }

    /** "p0,p1,...,pn", parsing back to the same sequence. */
    @Override
    public String toString() {
        if (segments.isEmpty()) {
            return "";
        }
        return segments.get(0).from() + "," + segments.stream().map(s -> s.to().toString())
                .collect(Collectors.joining(","));
    }
}
