package dev.weft.js.module.websockets;

import dev.weft.js.module.HostObject;
import dev.weft.js.module.JsModule;
import dev.weft.js.module.Phase;
import dev.weft.js.module.VuScope;
import dev.weft.js.module.timers.EventLoop;
import dev.weft.js.module.timers.TimersModule;
import dev.weft.js.module.ws.WsClient;
import dev.weft.js.module.ws.WsMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code k6/experimental/websockets} module: the browser-like {@code WebSocket} class (and
 * {@code Blob}), asynchronous on the VU's {@link EventLoop}. Built once per test (it owns the
 * test's {@link WsClient}); {@link #instance} runs once per VU on its thread. Sockets still open
 * when an iteration ends (interrupted or failed) are dropped then.
 */
public final class WebSocketsModule implements JsModule {
    private final WsClient client = new WsClient();

    @Override
    public String name() {
        return "k6/experimental/websockets";
    }

    @Override
    public List<String> exportNames() {
        return List.of("WebSocket", "Blob");
    }

    @Override
    public Object instance(VuScope vu) {
        WsMetrics.register(vu.services().metrics());
        List<BrowserSocket> open = new ArrayList<>();
        vu.onIterationEnd(() -> {
            open.forEach(BrowserSocket::drop);
            open.clear();
        });
        HostObject host = new HostObject().fn("open", args -> {
            if (vu.phase() == Phase.INIT) {
                throw new IllegalStateException("using websockets in the init context is not supported");
            }
            EventLoop loop = TimersModule.loopOf(vu.context().getBindings("js").getMember("__weftModule")
                    .execute(TimersModule.NAME));
            BrowserSocket s = new BrowserSocket(vu, loop, args[4]);
            open.removeIf(BrowserSocket::ended);
            open.add(s);
            return s.start(client, args[0].asString(), args[1], args[2], args[3]);
        });
        return vu.scripts().instantiate(vu, "websockets.js", host.build());
    }
}
