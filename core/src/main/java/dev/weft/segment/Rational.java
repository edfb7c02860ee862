package dev.weft.segment;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact fraction, always in lowest terms with a positive denominator. Execution segments
 * use it so that thirds stay thirds and no VU or iteration is lost to rounding. Immutable.
 */
public record Rational(BigInteger num, BigInteger den) implements Comparable<Rational> {
    public static final Rational ZERO = of(0, 1);
    public static final Rational ONE = of(1, 1);

    public Rational {
        if (den.signum() == 0) {
            throw new ArithmeticException("zero denominator");
        }
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        BigInteger g = num.gcd(den);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            num = num.divide(g);
            den = den.divide(g);
        }
        if (num.signum() == 0) {
            den = BigInteger.ONE;
        }
    }

    public static Rational of(long num, long den) {
        return new Rational(BigInteger.valueOf(num), BigInteger.valueOf(den));
    }

    /**
     * Reads a fraction ({@code 2/3}) or a decimal ({@code 0.25}, {@code 1e-1}), as Go's
     * {@code big.Rat.SetString} does; null when the text is neither.
     */
    public static Rational parse(String text) {
        String t = text.trim();
        try {
            int slash = t.indexOf('/');
            if (slash >= 0) {
                BigInteger n = new BigInteger(t.substring(0, slash));
                BigInteger d = new BigInteger(t.substring(slash + 1));
                return d.signum() == 0 ? null : new Rational(n, d);
            }
            BigDecimal dec = new BigDecimal(t);
            return dec.scale() > 0
                    ? new Rational(dec.unscaledValue(), BigInteger.TEN.pow(dec.scale()))
                    : new Rational(dec.toBigIntegerExact(), BigInteger.ONE);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    public Rational plus(Rational o) {
        return new Rational(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    public Rational minus(Rational o) {
        return new Rational(num.multiply(o.den).subtract(o.num.multiply(den)), den.multiply(o.den));
    }

    public Rational times(Rational o) {
        return new Rational(num.multiply(o.num), den.multiply(o.den));
    }

    public Rational times(long v) {
        return new Rational(num.multiply(BigInteger.valueOf(v)), den);
    }

    /** Rounds half up (k6's {@code roundUp}: a remainder of at least half goes up). */
    public BigInteger roundHalfUp() {
        BigInteger[] qr = num.divideAndRemainder(den);
        return qr[1].shiftLeft(1).compareTo(den) >= 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }

    public double toDouble() {
        return new BigDecimal(num).divide(new BigDecimal(den), java.math.MathContext.DECIMAL64).doubleValue();
    }

    public boolean isZero() {
        return num.signum() == 0;
    }

    @Override
    public int compareTo(Rational o) {
        return num.multiply(o.den).compareTo(o.num.multiply(den));
    }

    /** "a/b", or just "a" for whole numbers (Go's {@code RatString}). */
    @Override
    public String toString() {
        return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
    }
}
