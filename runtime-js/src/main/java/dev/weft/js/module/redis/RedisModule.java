package dev.weft.js.module.redis;

import dev.weft.js.module.HostObject;
import dev.weft.js.module.JsModule;
import dev.weft.js.module.Phase;
import dev.weft.js.module.VuScope;
import dev.weft.js.module.timers.EventLoop;
import dev.weft.js.module.timers.TimersModule;
import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Metric;
import dev.weft.metrics.Sample;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;

/**
 * The {@code k6/experimental/redis} module: {@code new redis.Client(url | options)} whose
 * commands each return a promise, as xk6-redis in k6 v1.3.0. A command runs on its own virtual
 * thread and its promise settles on the VU's event loop, so one VU's commands may overlap. The
 * bytes a VU's single-node clients moved are recorded as data_sent/data_received at the end of
 * each iteration (in setup and teardown, as each command ends), as k6's dialer records them. One instance per test; {@link #instance} runs on
 * each VU's thread.
 */
public final class RedisModule implements JsModule {
    static final String INIT_ERROR = "connecting to a redis server in the init context is not supported";

    @Override
    public String name() {
        return "k6/experimental/redis";
    }

    @Override
    public List<String> exportNames() {
        return List.of("Client");
    }

    @Override
    public Object instance(VuScope vu) {
        List<RedisClient> clients = new ArrayList<>();
        vu.onIterationEnd(() -> record(vu, clients));
        vu.onClose(() -> clients.forEach(RedisClient::close));
        boolean insecure = vu.services().options().bool("insecureSkipTLSVerify");
        HostObject host = new HostObject()
                .fn("open", args -> {
                    try {
                        RedisOptions o = args[0].asString().equals("url")
                                ? RedisOptionsReader.fromUrl(args[1].asString())
                                : RedisOptionsReader.fromJson(args[1].asString());
                        RedisClient c = new RedisClient(o, insecure);
                        clients.add(c);
                        return ProxyArray.fromArray(true, c);
                    } catch (IllegalArgumentException e) {
                        return ProxyArray.fromArray(false, e.getMessage());
                    }
                })
                .fn("run", args -> run(vu, clients, args[0].asHostObject(), args[1].asString(), strings(args[2]),
                        args[3].isNull() ? null : args[3].asString(), Reply.valueOf(args[4].asString()), args[5]));
        return vu.scripts().instantiate(vu, "redis.js", host.build());
    }

    /**
     * Starts one command; {@code settle(ok, value)} is called on the VU's thread when it ends.
     * Returns the error text at once when the command cannot start (init code), else null.
     */
    private Object run(VuScope vu, List<RedisClient> clients, RedisClient client, String command, List<String> args,
            String key, Reply reply, Value settle) {
        if (vu.phase() == Phase.INIT) {
            return INIT_ERROR;
        }
        EventLoop.Pending pending = TimersModule.loopOf(vu.context().getBindings("js").getMember("__weftModule")
                .execute(TimersModule.NAME)).reserve();
        Thread.ofVirtual().name("weft-redis-vu" + vu.id()).start(() -> {
            Object value;
            boolean ok;
            try {
                value = client.execute(command, args, key, reply);
                ok = true;
            } catch (RedisFailure e) {
                value = e.getMessage();
                ok = false;
            }
            Object result = value;
            boolean success = ok;
            pending.complete(() -> {
                if (vu.phase() == Phase.SETUP || vu.phase() == Phase.TEARDOWN) {
                    record(vu, clients); // no iteration ends there: k6 counts setup's and teardown's bytes too
                }
                settle.execute(success, toJs(result));
            });
        });
        return null;
    }

    private static List<String> strings(Value array) {
        List<String> out = new ArrayList<>((int) array.getArraySize());
        for (long i = 0; i < array.getArraySize(); i++) {
            out.add(array.getArrayElement(i).asString());
        }
        return out;
    }

    private static Object toJs(Object v) {
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(o -> out.add(toJs(o)));
            return ProxyArray.fromList(out);
        }
        return v;
    }

    private static void record(VuScope vu, List<RedisClient> clients) {
        long out = 0;
        long in = 0;
        for (RedisClient c : clients) {
            out += c.takeSent();
            in += c.takeReceived();
        }
        if (out > 0 || in > 0) {
            push(vu, BuiltinMetrics.DATA_SENT, out);
            push(vu, BuiltinMetrics.DATA_RECEIVED, in);
        }
    }

    private static void push(VuScope vu, Metric metric, long value) {
        vu.services().sink().push(new Sample(metric, vu.sampleTags(), vu.services().clock().millis(), value));
    }
}
