package dev.weft.cloud.http;

/**
 * A request that cannot be served, with the HTTP status and the message the client sees as
 * {@code {"error":{"code":..,"message":..}}}. Thrown by handlers on request threads.
 */
public final class ApiException extends Exception {
    private final int status;
    private final int code;

    public ApiException(int status, String message) {
        this(status, 0, message);
    }

    public ApiException(int status, int code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public int code() {
        return code;
    }
}
