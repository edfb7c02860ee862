package dev.weft.output.cloud;

/** A login that did not work; the message says why, for the user. */
public final class CloudLoginException extends Exception {
    public CloudLoginException(String message) {
        super(message);
    }

    public CloudLoginException(String message, Throwable cause) {
        super(message, cause);
    }
}
