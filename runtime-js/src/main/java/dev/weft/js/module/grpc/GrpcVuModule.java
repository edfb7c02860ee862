package dev.weft.js.module.grpc;

import dev.weft.grpc.GrpcMetrics;
import dev.weft.grpc.Traffic;
import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Sample;
import dev.weft.js.module.HostObject;
import dev.weft.js.module.VuScope;
import dev.weft.js.module.timers.EventLoop;
import dev.weft.js.module.timers.TimersModule;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Value;

/**
 * One VU's {@code k6/net/grpc}: registers the gRPC metrics, and hands grpc.js the host functions
 * that make clients and streams. Streams still open when an iteration ends are cancelled then, as
 * k6 cancels them with the iteration's context; the bytes the VU's connections moved are recorded
 * then as data_sent and data_received. Runs on the VU's thread.
 */
final class GrpcVuModule {
    private GrpcVuModule() {
    }

    static Object instance(VuScope vu, GrpcShared shared) {
        GrpcMetrics.register(vu.services().metrics());
        List<StreamHost> open = new ArrayList<>();
        Traffic traffic = new Traffic();
        List<ClientHost> clients = new ArrayList<>();
        vu.onClose(() -> clients.forEach(ClientHost::closeQuietly));
        vu.onIterationEnd(() -> {
            open.forEach(StreamHost::drop);
            open.clear();
            pushTraffic(vu, traffic);
        });
        HostObject host = new HostObject()
                .fn("newClient", args -> {
                    ClientHost client = new ClientHost(vu, shared, traffic);
                    clients.add(client);
                    return client.build();
                })
                .fn("openStream", args -> {
                    ClientHost client = args[0].isProxyObject() ? ClientHost.of(args[0]) : null;
                    EventLoop loop = TimersModule.loopOf(vu.context().getBindings("js").getMember("__weftModule")
                            .execute(TimersModule.NAME));
                    open.removeIf(StreamHost::ended);
                    return StreamHost.open(vu, loop, client, args[1], args[2], args[3], open);
                });
        return vu.scripts().instantiate(vu, "grpc.js", host.build());
    }

    /** data_sent and data_received for the bytes the VU's gRPC connections moved since the last time. */
    private static void pushTraffic(VuScope vu, Traffic traffic) {
        long now = System.currentTimeMillis();
        long sent = traffic.takeSent();
        long received = traffic.takeReceived();
        if (sent > 0) {
            vu.services().sink().push(new Sample(BuiltinMetrics.DATA_SENT, vu.sampleTags(), now, sent));
        }
        if (received > 0) {
            vu.services().sink().push(new Sample(BuiltinMetrics.DATA_RECEIVED, vu.sampleTags(), now, received));
        }
    }

    /** {@code [true, value]} or {@code [false, message]}, as grpc.js reads host answers. */
    static Object ok(Object value) {
        return org.graalvm.polyglot.proxy.ProxyArray.fromArray(true, value);
    }

    static Object failed(String message) {
        return org.graalvm.polyglot.proxy.ProxyArray.fromArray(false, message);
    }

    static boolean absent(Value v) {
        return v == null || v.isNull();
    }
}
