package dev.weft.js.module.secrets;

import dev.weft.js.module.HostObject;
import dev.weft.js.module.JsModule;
import dev.weft.js.module.VuScope;
import java.util.List;
import org.graalvm.polyglot.proxy.ProxyArray;

/**
 * The {@code k6/secrets} module: {@code secrets.get(key)} from the default source and
 * {@code secrets.source(name).get(key)}, each a promise of the value, as k6 has them. The
 * sources are the test's {@link SecretStore}. One instance per test; calls run on the VU's thread.
 */
public final class SecretsModule implements JsModule {
    private final SecretStore store;

    public SecretsModule(SecretStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "k6/secrets";
    }

    @Override
    public List<String> exportNames() {
        return List.of("get", "source");
    }

    @Override
    public Object instance(VuScope vu) {
        HostObject host = new HostObject().fn("get", args -> {
            try {
                return ProxyArray.fromArray(true, store.get(args[0].asString(), args[1].asString()));
            } catch (IllegalArgumentException e) {
                return ProxyArray.fromArray(false, e.getMessage());
            }
        });
        return vu.scripts().instantiate(vu, "secrets.js", host.build());
    }
}
