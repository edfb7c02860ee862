package dev.weft.js.module.grpc;

import com.google.protobuf.Descriptors.MethodDescriptor;
import dev.weft.grpc.CallRequest;
import dev.weft.grpc.GrpcException;
import dev.weft.grpc.GrpcMetrics;
import dev.weft.grpc.StreamCall;
import dev.weft.js.module.HostObject;
import dev.weft.js.module.VuScope;
import dev.weft.js.module.timers.EventLoop;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.graalvm.polyglot.Value;

/**
 * One {@code new grpc.Stream(client, method, params)}. The stream's events arrive on the
 * channel's threads and are handed to the VU's thread through its {@link EventLoop}: the stream
 * holds one reservation in the loop until it closes, so the iteration lasts until then (as in
 * k6). On the VU's thread {@code fire(type, json, ts)} calls grpc.js's listeners: 'data' per
 * message, then 'error' (a failing status) and 'end'.
 *
 * <p>Writing: OPEN -end()-> ENDED (writes ignored) ; any -close or drop-> CLOSED.
 */
final class StreamHost {
    private final VuScope vu;
    private final EventLoop loop;
    private final Value fire;
    private final Tags tags;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<StreamCall.Event> arrived = new ArrayDeque<>();
    private EventLoop.Pending pending;
    private StreamCall call;
    private boolean writing = true;
    private boolean closed;

    private StreamHost(VuScope vu, EventLoop loop, Value fire, Tags tags) {
        this.vu = vu;
        this.loop = loop;
        this.fire = fire;
        this.tags = tags;
    }

    static Object open(VuScope vu, EventLoop loop, ClientHost client, Value method, Value params, Value fire,
            List<StreamHost> open) {
        if (client == null || client.connection() == null) {
            return GrpcVuModule.failed("invalid GRPC Stream's client: "
                    + (client == null ? "not a gRPC client" : "no gRPC connection, you must call connect first"));
        }
        String raw = method.isString() ? method.asString() : String.valueOf(method);
        String name = raw.isEmpty() || raw.startsWith("/") ? raw : "/" + raw;
        if (name.isEmpty()) {
            return GrpcVuModule.failed("invalid GRPC Stream's method: method to invoke cannot be empty");
        }
        MethodDescriptor md = client.catalog().method(name).orElse(null);
        if (md == null) {
            return GrpcVuModule.failed("invalid GRPC Stream's method: method \"" + name
                    + "\" not found in file descriptors");
        }
        CallParams p;
        try {
            p = CallParams.read(params);
        } catch (IllegalArgumentException e) {
            return GrpcVuModule.failed("invalid GRPC Stream's parameters: " + e.getMessage());
        }
        StreamHost s = new StreamHost(vu, loop, fire, client.tags(name, p.tags()));
        s.pending = loop.reserve();
        CallRequest request = new CallRequest(name, null, p.metadata(), p.timeout(), p.discardResponseMessage(), s.tags);
        s.call = client.connection().stream(md, client.catalog().json(), request, s::handOff);
        vu.services().sink().push(new Sample(GrpcMetrics.STREAMS, s.tags, System.currentTimeMillis(), 1));
        open.add(s);
        return GrpcVuModule.ok(new HostObject()
                .fn("write", args -> {
                    s.write(args[0]);
                    return null;
                })
                .fn("end", args -> {
                    s.end();
                    return null;
                })
                .build());
    }

    private void write(Value json) {
        if (!writing || closed) {
            return;
        }
        if (json == null || json.isNull()) {
            vu.services().console().log("warn", "can't send empty message");
            return;
        }
        try {
            call.write(json.asString());
        } catch (GrpcException e) {
            call.cancel();
            handOff(new StreamCall.Closed(2, errorJson(2, "can't serialise request object to protocol buffer: "
                    + e.getMessage()), System.currentTimeMillis(), 0));
            return;
        }
        vu.services().sink().push(new Sample(GrpcMetrics.STREAMS_MSGS_SENT, tags, System.currentTimeMillis(), 1));
    }

    private void end() {
        if (!writing || closed) {
            return;
        }
        writing = false;
        call.end();
    }

    private static String errorJson(int code, String message) {
        com.google.gson.JsonObject o = new com.google.gson.JsonObject();
        o.addProperty("code", code);
        o.add("details", new com.google.gson.JsonArray());
        o.addProperty("message", message);
        return o.toString();
    }

    /** Called on the channel's threads (and by write on a bad message). */
    private void handOff(StreamCall.Event event) {
        EventLoop.Pending p;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            arrived.add(event);
            p = pending;
            pending = null;
        } finally {
            lock.unlock();
        }
        if (p != null) {
            p.complete(this::drain);
        }
    }

    private void drain() {
        List<StreamCall.Event> batch;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            batch = new ArrayList<>(arrived);
            arrived.clear();
            boolean closing = batch.stream().anyMatch(e -> e instanceof StreamCall.Closed);
            if (closing) {
                closed = true;
            } else {
                pending = loop.reserve();
            }
        } finally {
            lock.unlock();
        }
        for (StreamCall.Event e : batch) {
            long ts = e.timeMillis() / 1000;
            if (e instanceof StreamCall.Data d) {
                vu.services().sink().push(new Sample(GrpcMetrics.STREAMS_MSGS_RECEIVED, tags, d.timeMillis(), 1));
                fire.execute("data", d.json(), ts);
            } else if (e instanceof StreamCall.Closed c) {
                vu.services().sink().push(new Sample(GrpcMetrics.REQ_DURATION,
                        tags.with("status", String.valueOf(c.code())), c.timeMillis(), c.durationMs()));
                if (c.errorJson() != null && c.code() != 1) {
                    fire.execute("error", c.errorJson(), ts);
                }
                fire.execute("end", null, ts);
                return;
            }
        }
    }

    boolean ended() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** The iteration is over: cancel the call and forget its events (the loop was reset). */
    void drop() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            pending = null;
            arrived.clear();
        } finally {
            lock.unlock();
        }
        call.cancel();
    }
}
