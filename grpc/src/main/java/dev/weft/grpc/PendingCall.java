package dev.weft.grpc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A unary call under way: its result (completing on the channel's threads) and how to cancel it
 * (from the VU's thread, when its iteration is cut short).
 */
public record PendingCall(CompletableFuture<CallResult> result, Runnable cancel) {
    /** The GrpcException behind a failed result. */
    public static GrpcException unwrap(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return t instanceof GrpcException g ? g : new GrpcException(String.valueOf(t.getMessage()), t);
    }
}
