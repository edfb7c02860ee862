package dev.weft.js.module;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * The JS halves of built-in modules: resource files holding {@code (function (host) { ...
 * return exports; })}, parsed once per test and called in each VU's context with the module's
 * Java host object. One per test, shared by all VUs; thread-safe.
 */
public final class ModuleScripts {
    private final ConcurrentHashMap<String, Source> sources = new ConcurrentHashMap<>();

    /** Runs the module script {@code resource} in the VU's context with {@code host}; returns its exports. */
    public Value instantiate(VuScope vu, String resource, Object host) {
        Source source = sources.computeIfAbsent(resource, ModuleScripts::load);
        return vu.context().eval(source).execute(host);
    }

    private static Source load(String resource) {
        try (InputStream in = ModuleScripts.class.getResourceAsStream("/dev/weft/js/modules/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("module script " + resource + " missing from the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Source.newBuilder("js", text, "weft:" + resource).cached(true).buildLiteral();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
