package dev.weft.cloud.metrics;

import java.util.List;
import java.util.Map;

/**
 * A metrics body that cannot be ingested; its message is shown to the sender, and
 * {@link #fieldErrors()} names the sample at fault when one is.
 */
public final class BadSamplesException extends Exception {
    private final String field;
    private final String problem;

    public BadSamplesException(String message) {
        this(message, null, null);
    }

    /** A problem with one field, e.g. {@code samples[3]}: "metric name ... breaks k6's rule". */
    public BadSamplesException(String message, String field, String problem) {
        super(message);
        this.field = field;
        this.problem = problem;
    }

    /** The field at fault and what is wrong with it, or an empty map. */
    public Map<String, List<String>> fieldErrors() {
        return field == null ? Map.of() : Map.of(field, List.of(problem));
    }
}
