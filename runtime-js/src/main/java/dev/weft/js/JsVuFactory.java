package dev.weft.js;

import com.google.gson.Gson;
import dev.weft.js.module.TestServices;
import dev.weft.js.module.ScriptConsole;
import dev.weft.js.module.VuScope;
import dev.weft.vu.VuFactory;
import dev.weft.vu.VuInitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * Makes JS VUs: a new context from the shared engine, Weft's globals, then the script's init
 * code. Thread-safe; {@link #create(int)} runs on the thread that will own the VU.
 */
public final class JsVuFactory implements VuFactory {
    private final JsProgram program;
    private final TestServices services;
    private final String envJson;
    /** Contexts whose init code runs now: the one exception to "only the VU's thread touches its context". */
    private final Set<Context> initialising = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;
    /** Null until the first VU's default function was looked at: see {@link #isAsyncFunction}. */
    private volatile Boolean defaultIsAsync;

    public JsVuFactory(JsProgram program, TestServices services) {
        this.program = program;
        this.services = services;
        this.envJson = new Gson().toJson(services.env());
    }

    public JsProgram program() {
        return program;
    }

    @Override
    public JsVu create(int id) throws VuInitException {
        try {
            return createOrThrow(id);
        } catch (ScriptException e) {
            throw new VuInitException(e.getMessage(), e);
        }
    }

    /** Like {@link #create(int)}, with the script error as a {@link ScriptException}. */
    public JsVu createOrThrow(int id) throws ScriptException {
        if (cancelled) {
            throw new ScriptException("VU " + id + " not initialised: initialisation failed");
        }
        AtomicReference<VuScope> scopeRef = new AtomicReference<>();
        Context context = program.newContext(scopeRef::get);
        initialising.add(context);
        try {
            if (cancelled) {
                throw new IllegalStateException("initialisation was cancelled");
            }
            VuScope scope = new VuScope(id, context, services, program.moduleScripts());
            scopeRef.set(scope);
            Value bindings = context.getBindings("js");
            ModuleInstances instances = new ModuleInstances(program.modules(), scope);
            // the prelude sets __VU and __ITER, and `global` in the compatibility modes that have it
            context.eval(program.prelude()).execute(bindings, hostObject(scope, instances), id,
                    program.loaderOptions().mode().aliasesGlobal());
            Value exports = context.eval(program.main());
            JsVu vu = new JsVu(scope, exports, program, instances);
            vu.prepare(this::isAsyncFunction);
            return vu;
        } catch (PolyglotException e) {
            context.close(true);
            if (e.isResourceExhausted() && !e.isCancelled()
                    && !String.valueOf(e.getMessage()).contains("StackOverflow")) {
                // VuPool turns this into the one-line "out of heap" error, with what to do
                throw new OutOfMemoryError("VU " + id + " init: " + e.getMessage());
            }
            throw new ScriptException(JsErrors.oneLine(e));
        } catch (RuntimeException e) {
            context.close(true);
            throw new ScriptException(program.scriptPath() + ": " + e.getMessage());
        } finally {
            initialising.remove(context);
        }
    }

    /**
     * Whether the script's default export is an async function: a fact of its code, so learned
     * from the first VU and taken as said for the rest (a script that exported different kinds of
     * function per VU would only get some event loops made at the first iteration, not at init).
     */
    private boolean isAsyncFunction(Value fn) {
        Boolean known = defaultIsAsync;
        if (known == null) {
            Value meta = fn.getMetaObject();
            known = meta != null && "AsyncFunction".equals(meta.getMetaSimpleName());
            defaultIsAsync = known;
        }
        return known;
    }

    /**
     * Cancels the init code running now, from the thread that saw initialisation fail: each
     * context is closed from here ({@link Context#close(boolean)} may be called from any thread),
     * and inits that start later fail at once.
     */
    @Override
    public void cancelInits() {
        cancelled = true;
        for (Context context : initialising) {
            try {
                context.close(true);
            } catch (RuntimeException e) {
                // already closed by its own thread
            }
        }
    }

    private ProxyObject hostObject(VuScope scope, ModuleInstances instances) {
        Map<String, Object> host = new HashMap<>();
        host.put("env", envJson);
        host.put("log", (ProxyExecutable) args -> {
            services.console().log(args[0].asString(), args[1].asString(), ScriptConsole.origin("console", scope));
            return null;
        });
        host.put("open", (ProxyExecutable) args -> open(scope, args[0].asString(), args[1].asString()));
        host.put("module", (ProxyExecutable) args -> instances.get(args[0].asString()));
        return ProxyObject.fromMap(host);
    }

    private Object open(VuScope scope, String path, String mode) {
        scope.requireInit("open()");
        Path file = program.scriptDir().resolve(path).normalize();
        try {
            byte[] bytes = program.readFile(file);
            if (bytes == null) {
                throw new NoSuchFileException(file.toString());
            }
            if ("b".equals(mode)) {
                Object[] boxed = new Object[bytes.length];
                for (int i = 0; i < bytes.length; i++) {
                    boxed[i] = bytes[i] & 0xff;
                }
                return ProxyArray.fromArray(boxed);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("open(" + path + "): no such file " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("open(" + path + "): " + e.getMessage());
        }
    }
}
