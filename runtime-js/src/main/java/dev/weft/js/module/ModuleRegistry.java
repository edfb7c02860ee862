package dev.weft.js.module;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The built-in modules of one test, by name. Built at start-up, then read-only and shared. */
public final class ModuleRegistry {
    private final Map<String, JsModule> modules = new LinkedHashMap<>();

    public ModuleRegistry add(JsModule module) {
        modules.put(module.name(), module);
        return this;
    }

    public Optional<JsModule> get(String name) {
        return Optional.ofNullable(modules.get(name));
    }

    public boolean has(String name) {
        return modules.containsKey(name);
    }

    /**
     * The ES module text that stands for a built-in module: it asks the VU for the module's
     * instance and re-exports its members, so {@code import http from 'k6/http'} and
     * {@code import { get } from 'k6/http'} both work.
     */
    public String moduleSource(String name) {
        JsModule m = modules.get(name);
        String exports = m.exportNames().stream().collect(Collectors.joining(", "));
        return "const __m = globalThis.__weftModule(" + quote(name) + ");\n"
                + "export default __m;\n"
                + (exports.isEmpty() ? "" : "export const { " + exports + " } = __m;\n");
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
