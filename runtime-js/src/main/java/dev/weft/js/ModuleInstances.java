package dev.weft.js;

import dev.weft.js.module.JsModule;
import dev.weft.js.module.ModuleRegistry;
import dev.weft.js.module.VuScope;
import java.util.HashMap;
import java.util.Map;

/**
 * One VU's instances of built-in modules, each made on its first import (or first use of a global
 * such as {@code setTimeout}) and then reused. Used only on the VU's thread: by its prelude's
 * {@code host.module(name)} and by {@link JsVu}, which asks whether k6/timers was made.
 */
final class ModuleInstances {
    private final ModuleRegistry modules;
    private final VuScope scope;
    private final Map<String, Object> made = new HashMap<>(4);

    ModuleInstances(ModuleRegistry modules, VuScope scope) {
        this.modules = modules;
        this.scope = scope;
    }

    /** The VU's instance of module {@code name}, made now if it was not yet; unknown names throw. */
    Object get(String name) {
        Object instance = made.get(name);
        if (instance == null) {
            JsModule module = modules.get(name)
                    .orElseThrow(() -> new IllegalArgumentException("unknown module \"" + name + "\""));
            instance = module.instance(scope);
            made.put(name, instance);
        }
        return instance;
    }

    /** The instance of {@code name} if this VU made it already, else null (none is made). */
    Object madeOrNull(String name) {
        return made.get(name);
    }
}
