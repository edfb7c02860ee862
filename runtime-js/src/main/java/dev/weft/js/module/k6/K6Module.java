package dev.weft.js.module.k6;

import dev.weft.js.module.JsModule;
import dev.weft.js.module.VuScope;
import java.util.List;

/**
 * The {@code k6} module: sleep, check, group, fail, randomSeed. Its JS half (k6.js) handles
 * argument shapes; {@link K6Host} does the measuring and sample making on the VU's thread.
 */
public final class K6Module implements JsModule {
    @Override
    public String name() {
        return "k6";
    }

    @Override
    public List<String> exportNames() {
        return List.of("sleep", "check", "group", "fail", "randomSeed");
    }

    @Override
    public Object instance(VuScope vu) {
        return vu.scripts().instantiate(vu, "k6.js", new K6Host(vu).build());
    }
}
