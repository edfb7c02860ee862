package dev.weft.js.module.timers;

import dev.weft.js.module.HostObject;
import dev.weft.js.module.JsModule;
import dev.weft.js.module.VuScope;
import java.util.List;
import org.graalvm.polyglot.Value;

/**
 * The {@code k6/timers} module: setTimeout, clearTimeout, setInterval, clearInterval, which
 * k6 (v0.50+) also puts on the global object. Each VU's instance owns that VU's
 * {@link EventLoop}; {@link #loopOf(Value)} finds it again from the instance, for the VU's
 * iteration code to run after the exported function returns. {@link #instance} runs once per
 * VU on its thread.
 */
public final class TimersModule implements JsModule {
    public static final String NAME = "k6/timers";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> exportNames() {
        return List.of("setTimeout", "clearTimeout", "setInterval", "clearInterval");
    }

    @Override
    public Object instance(VuScope vu) {
        EventLoop loop = new EventLoop(System::nanoTime);
        HostObject host = new HostObject()
                .fn("schedule", args -> loop.schedule(args[0], args[1].asDouble(), args[2].asBoolean()))
                .fn("cancel", args -> {
                    loop.cancel(args[0].asInt());
                    return null;
                })
                .value("loop", loop);
        Value exports = vu.scripts().instantiate(vu, "timers.js", host.build());
        loop.bindTracker(exports.getMember("__track"));
        vu.onClose(loop::reset);
        return exports;
    }

    /** The event loop behind a VU's {@code k6/timers} instance. */
    public static EventLoop loopOf(Value instance) {
        return instance.getMember("__loop").asHostObject();
    }
}
