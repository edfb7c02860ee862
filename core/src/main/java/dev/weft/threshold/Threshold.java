package dev.weft.threshold;

import java.time.Duration;
import java.util.Objects;

/**
 * One threshold as configured: its expression and k6's object-form options.
 *
 * @param abortOnFail    stop the test as soon as this threshold fails
 * @param delayAbortEval how long into the test failures may not abort it yet; null for none
 */
public record Threshold(ThresholdExpression expression, boolean abortOnFail, Duration delayAbortEval) {
    public Threshold {
        Objects.requireNonNull(expression, "expression");
    }

    /** The plain string form: no abort. */
    public static Threshold of(String source) {
        return new Threshold(ThresholdExpression.parse(source), false, null);
    }

    public String source() {
        return expression.source();
    }
}
