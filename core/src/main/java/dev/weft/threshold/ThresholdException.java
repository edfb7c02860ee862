package dev.weft.threshold;

/**
 * A threshold definition that cannot be used: bad syntax, an unknown metric, or an aggregation
 * the metric's type does not have. The message names the metric and the expression; the CLI
 * reports it and exits with k6's invalid-config code before the test starts.
 */
public final class ThresholdException extends IllegalArgumentException {
    public ThresholdException(String message) {
        super(message);
    }
}
