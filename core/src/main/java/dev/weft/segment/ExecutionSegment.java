package dev.weft.segment;

import java.util.ArrayList;
import java.util.List;

/**
 * k6's execution segment: the part (from, to] of a test's whole work that one instance runs,
 * {@code 0 <= from < to <= 1}. Parsed from {@code --execution-segment}; immutable.
 *
 * @param from where this instance's share starts
 * @param to   where it ends
 */
public record ExecutionSegment(Rational from, Rational to) {
    /** The whole test, (0, 1]. */
    public static final ExecutionSegment WHOLE = new ExecutionSegment(Rational.ZERO, Rational.ONE);

    public ExecutionSegment {
        if (from.compareTo(Rational.ZERO) < 0) {
            throw new SegmentException("segment start value must be at least 0 but was " + from);
        }
        if (from.compareTo(to) >= 0) {
            throw new SegmentException("segment start(" + from + ") must be less than its end(" + to + ")");
        }
        if (to.compareTo(Rational.ONE) > 0) {
            throw new SegmentException("segment end value can't be more than 1 but was " + to);
        }
    }

    /**
     * Parses k6's forms: {@code from:to} with each side a fraction, decimal or whole percentage
     * ({@code 1/2:3/4}, {@code 0.5:0.75}, {@code 50%:75%}, {@code 2/4:75%}); a single value is the
     * end of a segment starting at 0 ({@code 20%} is 0:1/5); empty text is the whole test.
     */
    public static ExecutionSegment parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return WHOLE;
        }
        int colon = t.indexOf(':');
        Rational from = colon >= 0 ? point(t.substring(0, colon)) : Rational.ZERO;
        return new ExecutionSegment(from, point(colon >= 0 ? t.substring(colon + 1) : t));
    }

    /** One point of a segment or sequence: a whole percentage, a decimal or a fraction. */
    static Rational point(String text) {
        String s = text.trim();
        if (s.endsWith("%")) {
            try {
                return new Rational(new java.math.BigInteger(s.substring(0, s.length() - 1)),
                        java.math.BigInteger.valueOf(100));
            } catch (NumberFormatException e) {
                throw new SegmentException("'" + s + "' is not a valid percentage");
            }
        }
        Rational r = Rational.parse(s);
        if (r == null) {
            throw new SegmentException("'" + s + "' is not a valid percentage, decimal, fraction or interval value");
        }
        return r;
    }

    public Rational length() {
        return to.minus(from);
    }

    public boolean isWhole() {
        return from.isZero() && to.equals(Rational.ONE);
    }

    /**
     * This segment's share of {@code value} on its own, without knowing the other segments:
     * {@code round(value*to - round(value*from))}. Shares of adjacent segments add up to the
     * value; {@link ExecutionTuple#scale(long)} is the stable variant executors use.
     */
    public long scale(long value) {
        if (isWhole()) {
            return value;
        }
        Rational toValue = to.times(value);
        Rational fromRounded = new Rational(from.times(value).roundHalfUp(), java.math.BigInteger.ONE);
        return toValue.minus(fromRounded).roundHalfUp().longValueExact();
    }

    /** Splits this segment into {@code parts} equal consecutive segments. */
    public List<ExecutionSegment> split(int parts) {
        if (parts < 1) {
            throw new SegmentException("the number of parts must be at least 1, " + parts + " received");
        }
        Rational step = new Rational(length().num(), length().den().multiply(java.math.BigInteger.valueOf(parts)));
        List<ExecutionSegment> result = new ArrayList<>(parts);
        Rational start = from;
        for (int i = 0; i < parts; i++) {
            Rational end = i == parts - 1 ? to : start.plus(step);
            result.add(new ExecutionSegment(start, end));
            start = end;
        }
        return result;
    }

    /** The part {@code child} of this segment: (1/2:1) of (0:1/2) is (1/2:3/4). */
    public ExecutionSegment subSegment(ExecutionSegment child) {
        Rational start = from.plus(length().times(child.from));
        return new ExecutionSegment(start, start.plus(length().times(child.length())));
    }

    /** "from:to" in k6's notation, e.g. {@code 1/3:2/3}; parses back to the same segment. */
    @Override
    public String toString() {
        return from + ":" + to;
    }
}
