package dev.weft.js.module.ws;

import dev.weft.js.module.HostObject;
import dev.weft.js.module.JsModule;
import dev.weft.js.module.JsValues;
import dev.weft.js.module.Phase;
import dev.weft.js.module.VuScope;
import java.util.List;

/**
 * The {@code k6/ws} module: {@code connect(url, [params], fn)}, which blocks the VU until the
 * socket closes. Built once per test (it owns the test's {@link WsClient}); {@link #instance} runs
 * once per VU on its thread and registers the ws_* metrics. Its JS half (ws.js) shapes arguments
 * and the socket object; {@link WsSession} runs one connection's loop on the VU's thread.
 */
public final class WsModule implements JsModule {
    private final WsClient client = new WsClient();

    @Override
    public String name() {
        return "k6/ws";
    }

    @Override
    public List<String> exportNames() {
        return List.of("connect");
    }

    @Override
    public Object instance(VuScope vu) {
        WsMetrics.register(vu.services().metrics());
        HostObject host = new HostObject()
                .fn("connect", args -> {
                    if (vu.phase() == Phase.INIT) {
                        throw new IllegalStateException("using websockets in the init context is not supported");
                    }
                    return WsSession.open(vu, client, args[0].asString(), JsValues.stringMap(args[1]),
                            JsValues.stringMap(args[2]), args[3]);
                })
                .value("throws", vu.services().options().bool("throw"));
        return vu.scripts().instantiate(vu, "ws.js", host.build());
    }
}
