package dev.weft.output.cloud;

import dev.weft.cloud.wire.CloudApi;

/**
 * The service answered with an error status; carries its k6-style error code and message.
 * Network failures are {@link java.io.IOException}s instead.
 */
public final class CloudRequestException extends Exception {
    private final int status;
    private final int code;

    public CloudRequestException(int status, int code, String message) {
        super("(" + status + (code > 0 ? "/E" + code : "") + ") " + message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public int code() {
        return code;
    }

    /** The service takes no more metrics for this run (timed out or finished): stop sending. */
    public boolean noMoreMetrics() {
        return status == 403 && code == CloudApi.ERROR_CODE_NO_MORE_METRICS;
    }

    /** Worth sending again later: a server error or rate limiting. */
    public boolean retryable() {
        return status >= 500 || status == 429 || status == 408;
    }
}
