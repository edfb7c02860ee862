package dev.weft.cloud.metrics;

/** A metrics body that cannot be ingested; its message is shown to the sender. */
public final class BadSamplesException extends Exception {
    public BadSamplesException(String message) {
        super(message);
    }
}
