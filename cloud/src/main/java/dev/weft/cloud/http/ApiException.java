package dev.weft.cloud.http;

import java.util.List;
import java.util.Map;

/**
 * A request that cannot be served, with the HTTP status and the message the client sees as
 * {@code {"error":{"code":..,"message":..,"field_errors":..}}}. Thrown by handlers on request
 * threads.
 */
public final class ApiException extends Exception {
    private final int status;
    private final int code;
    private final Map<String, List<String>> fieldErrors;

    public ApiException(int status, String message) {
        this(status, 0, message);
    }

    public ApiException(int status, int code, String message) {
        this(status, code, message, Map.of());
    }

    public ApiException(int status, int code, String message, Map<String, List<String>> fieldErrors) {
        super(message);
        this.status = status;
        this.code = code;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public int status() {
        return status;
    }

    public int code() {
        return code;
    }

    /** Per request field, what is wrong with it; empty when no field is to blame. */
    public Map<String, List<String>> fieldErrors() {
        return fieldErrors;
    }
}
