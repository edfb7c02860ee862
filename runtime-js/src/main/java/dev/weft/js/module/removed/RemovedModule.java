package dev.weft.js.module.removed;

import dev.weft.js.module.JsModule;
import dev.weft.js.module.VuScope;
import java.util.List;

/**
 * A module k6 once had and has since graduated or removed ({@code k6/experimental/webcrypto},
 * ...): importing it fails the init code with k6's message saying what to use instead.
 * Stateless; shared by all VUs.
 */
public final class RemovedModule implements JsModule {
    private final String name;
    private final String message;
    private final List<String> exports;

    /**
     * {@code exports} are the names scripts imported from it, so that {@code import { crypto } from ...}
     * links and reaches the init code that fails with the message, rather than failing to link.
     */
    public RemovedModule(String name, String message, List<String> exports) {
        this.name = name;
        this.message = message;
        this.exports = List.copyOf(exports);
    }

    /** The modules k6 v1.3.0 lists as removed, with its messages. */
    public static List<RemovedModule> k6Removed() {
        return List.of(
                new RemovedModule("k6/experimental/browser", "k6/experimental/browser has been graduated, please use "
                        + "k6/browser instead.Please update your imports to use k6/browser instead of "
                        + "k6/experimental/browser, For more information, see the migration guide at the link: "
                        + "https://grafana.com/docs/k6/latest/using-k6-browser/migrating-to-k6-v0-52/", List.of("browser")),
                new RemovedModule("k6/experimental/grpc", "k6/experimental/grpc has been graduated, please use "
                        + "k6/net/grpc instead. See https://grafana.com/docs/k6/latest/javascript-api/k6-net-grpc/ "
                        + "for more information.", List.of("Client", "Stream", "StatusOK")),
                new RemovedModule("k6/experimental/timers", "k6/experimental/timers has been graduated, and it's now "
                        + "globally available as defined by standard WebAPIs. You just need to remove the import.",
                        List.of("setTimeout", "clearTimeout", "setInterval", "clearInterval")),
                new RemovedModule("k6/experimental/tracing", "k6/experimental/tracing has been removed. All of it "
                        + "functionality is available as pure JavaScript module. More info available at the docs: "
                        + "https://grafana.com/docs/k6/latest/javascript-api/jslib/http-instrumentation-tempo",
                        List.of("instrumentHTTP", "Client")),
                new RemovedModule("k6/experimental/webcrypto", "k6/experimental/webcrypto has been graduated and it's "
                        + "now globally available as defined by standard WebAPIs. You just need to remove the import.",
                        List.of("crypto")));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> exportNames() {
        return exports;
    }

    @Override
    public Object instance(VuScope vu) {
        throw new IllegalStateException(message);
    }
}
