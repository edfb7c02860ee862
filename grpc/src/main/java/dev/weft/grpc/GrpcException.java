package dev.weft.grpc;

/** A gRPC operation that failed before or outside a call's status: its message is what k6 would throw. */
public final class GrpcException extends Exception {
    public GrpcException(String message) {
        super(message);
    }

    public GrpcException(String message, Throwable cause) {
        super(message, cause);
    }
}
