package dev.weft.http;

import java.io.IOException;

/**
 * A request failure already classified with k6's error code and message. Thrown inside the
 * client and turned into an error response at its edge; never escapes {@link VuHttpClient}.
 */
final class HttpFailure extends IOException {
    private final int code;

    HttpFailure(int code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** Failures can come at load-test rates (a refused port); their stack would say nothing useful. */
    @Override
    public Throwable fillInStackTrace() {
        return this;
    }

    HttpFailure(int code, String message) {
        this(code, message, null);
    }

    int code() {
        return code;
    }
}
