package dev.weft.grpc;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Message;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;

/**
 * One {@code grpc.Stream}: a client, server or bidirectional streaming call. The VU's thread
 * writes, ends and cancels; the {@link Listener} hears each received message and the close on
 * the channel's threads (one at a time, in order), each stamped with its arrival time.
 */
public final class StreamCall {
    private final ClientCall<Message, Message> call;
    private final MethodDescriptor method;
    private final MessageJson json;

    private StreamCall(ClientCall<Message, Message> call, MethodDescriptor method, MessageJson json) {
        this.call = call;
        this.method = method;
        this.json = json;
    }

    /** What a stream tells its listener. */
    public sealed interface Event {
        long timeMillis();
    }

    /** A message arrived: its JSON text. */
    public record Data(String json, long timeMillis) implements Event {
    }

    /**
     * The stream closed: {@code code} 0 when the server finished it normally.
     *
     * @param errorJson the status as {@code {code, details, message}} JSON, null when OK
     */
    public record Closed(int code, String errorJson, long timeMillis, double durationMs) implements Event {
    }

    /** Hears a stream's events on the channel's threads. */
    @FunctionalInterface
    public interface Listener {
        void on(Event event);
    }

    static StreamCall start(ClientCall<Message, Message> call, MethodDescriptor method, MessageJson json,
            CallRequest r, Listener listener) {
        long startNanos = System.nanoTime();
        StreamCall s = new StreamCall(call, method, json);
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onMessage(Message message) {
                long now = System.currentTimeMillis();
                String text;
                try {
                    text = r.discardResponseMessage() ? "{}" : json.print(message);
                } catch (GrpcException e) {
                    text = "{}";
                }
                listener.on(new Data(text, now));
                call.request(1);
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
                String error = status.isOk() ? null : errorJson(status);
                listener.on(new Closed(status.getCode().value(), error, System.currentTimeMillis(),
                        (System.nanoTime() - startNanos) / 1e6));
            }
        }, MetadataMaps.toMetadata(r.metadata()));
        call.request(1);
        return s;
    }

    /** Sends one message given as JSON text; throws when it does not fit the method's input type. */
    public void write(String message) throws GrpcException {
        call.sendMessage(json.parse(method.getInputType(), message));
    }

    /** Half-closes: the server sees the end of the client's messages. */
    public void end() {
        call.halfClose();
    }

    /** Cancels the stream (the VU's iteration is over). */
    public void cancel() {
        call.cancel("canceled by client (k6)", null);
    }

    /** The stream error's object, as k6 hands it to 'error' listeners: code, details, message. */
    private static String errorJson(Status s) {
        com.google.gson.JsonObject o = new com.google.gson.JsonObject();
        o.addProperty("code", s.getCode().value());
        o.add("details", new com.google.gson.JsonArray());
        o.addProperty("message", StatusText.message(s));
        return o.toString();
    }
}
