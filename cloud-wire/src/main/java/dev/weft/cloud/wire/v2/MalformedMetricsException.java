package dev.weft.cloud.wire.v2;

/** A v2 metrics body that cannot be read: bad snappy, bad protobuf, or values that contradict each other. */
public final class MalformedMetricsException extends Exception {
    public MalformedMetricsException(String message) {
        super(message);
    }

    public MalformedMetricsException(String message, Throwable cause) {
        super(message, cause);
    }
}
