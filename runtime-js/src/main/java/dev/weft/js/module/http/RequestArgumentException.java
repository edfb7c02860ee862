package dev.weft.js.module.http;

/**
 * A request's arguments could not be turned into a request. Like k6, the module answers it with
 * a response carrying {@code error} and {@code error_code} unless the {@code throw} option is set.
 */
final class RequestArgumentException extends Exception {
    private final int code;

    RequestArgumentException(String message, int code) {
        super(message, null, false, false);
        this.code = code;
    }

    /** k6's error code, or 0 when k6 has none for it. */
    int code() {
        return code;
    }
}
