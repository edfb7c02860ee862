package dev.weft.grpc;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;
import java.util.concurrent.CompletableFuture;

/**
 * The listener of one unary call: keeps its headers, response and trailers, and completes
 * {@link #done} with them when the call closes. Called on the channel's threads, one at a time.
 */
final class Unary<T> extends ClientCall.Listener<T> {
    final CompletableFuture<Outcome<T>> done = new CompletableFuture<>();
    private Metadata headers;
    private T message;

    @Override
    public void onHeaders(Metadata headers) {
        this.headers = headers;
    }

    @Override
    public void onMessage(T message) {
        this.message = message;
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
        done.complete(new Outcome<>(status, headers, message, trailers));
    }

    /** What a closed unary call left. */
    record Outcome<T>(Status status, Metadata headers, T message, Metadata trailers) {
        /** As k6 hands it to the script: the response, or the type's defaults when the call failed. */
        CallResult result(MethodDescriptor method, MessageJson json, boolean discard, double durationMs)
                throws GrpcException {
            Status s = status;
            if (s.isOk() && message == null) {
                s = Status.INTERNAL.withDescription("no response message received for unary call");
            }
            String body = null;
            if (!discard) {
                Message m = s.isOk() ? (Message) message : DynamicMessage.getDefaultInstance(method.getOutputType());
                body = json.print(m);
            }
            String error = s.isOk() ? null : errorJson(s);
            return new CallResult(s.getCode().value(), body, MetadataMaps.toMap(headers), MetadataMaps.toMap(trailers),
                    error, System.currentTimeMillis(), durationMs, !StatusText.neverSent(s));
        }
    }

    /** The status as k6 shows it: google.rpc.Status in protojson, every field printed. */
    static String errorJson(Status s) {
        com.google.gson.JsonObject o = new com.google.gson.JsonObject();
        o.addProperty("code", s.getCode().value());
        o.addProperty("message", StatusText.message(s));
        o.add("details", new com.google.gson.JsonArray());
        return o.toString();
    }
}
