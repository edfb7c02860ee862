package dev.weft.threshold;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * One parsed threshold expression such as {@code p(99.9) < 250.5}: an aggregation of the
 * metric, a comparison and a number. Immutable; parsed once at start-up.
 *
 * @param source      the expression exactly as the script wrote it (k6 keys results by it)
 * @param aggregation {@code avg min max med count rate value} or {@code p}
 * @param percentile  N for {@code p(N)}, NaN for the other aggregations
 */
public record ThresholdExpression(String source, String aggregation, double percentile, Operator operator,
        double value) {
    private static final Set<String> PLAIN = Set.of("value", "count", "rate", "avg", "min", "med", "max");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /**
     * Parses k6's grammar {@code aggregation operator number}, spaces allowed around parts.
     *
     * @throws ThresholdException saying what is wrong with the expression
     */
    public static ThresholdExpression parse(String source) {
        for (Operator op : Operator.values()) {
            int at = source.indexOf(op.symbol());
            if (at < 0 || at + op.symbol().length() >= source.length()) {
                continue;
            }
            String left = source.substring(0, at).trim();
            String right = source.substring(at + op.symbol().length()).trim();
            return new ThresholdExpression(source, aggregationOf(source, left), percentileOf(source, left), op,
                    numberOf(source, right));
        }
        throw new ThresholdException("failed parsing threshold expression \"" + source
                + "\": malformed, expected e.g. \"p(95)<200\" (aggregation, one of < <= > >= == === !=, number)");
    }

    private static String aggregationOf(String source, String left) {
        if (PLAIN.contains(left)) {
            return left;
        }
        if (left.startsWith("p(") && left.endsWith(")")) {
            return "p";
        }
        throw new ThresholdException("failed parsing threshold expression \"" + source + "\": unknown aggregation \""
                + left + "\", expected one of avg, min, med, max, p(N), count, rate, value");
    }

    private static double percentileOf(String source, String left) {
        if (!left.startsWith("p(")) {
            return Double.NaN;
        }
        String inner = left.substring(2, left.length() - 1).trim();
        if (!NUMBER.matcher(inner).matches()) {
            throw new ThresholdException("failed parsing threshold expression \"" + source
                    + "\": malformed percentile value \"" + inner + "\"");
        }
        double p = Double.parseDouble(inner);
        if (p < 0 || p > 100) {
            throw new ThresholdException("failed parsing threshold expression \"" + source
                    + "\": percentile must be between 0 and 100, was " + inner);
        }
        return p;
    }

    private static double numberOf(String source, String right) {
        if (!NUMBER.matcher(right).matches()) {
            throw new ThresholdException("failed parsing threshold expression \"" + source
                    + "\": right hand side \"" + right + "\" is not a number");
        }
        return Double.parseDouble(right);
    }

    /** The statistic name sinks know it by: the aggregation, or {@code p(N)}. */
    public String statName() {
        if (!"p".equals(aggregation)) {
            return aggregation;
        }
        return percentile == Math.rint(percentile) ? "p(" + (long) percentile + ")" : "p(" + percentile + ")";
    }
}
