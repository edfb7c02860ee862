package dev.weft.js;

import dev.weft.js.module.Phase;
import dev.weft.js.module.ScriptConsole;
import dev.weft.js.module.VuScope;
import dev.weft.js.module.timers.EventLoop;
import dev.weft.js.module.timers.Settlement;
import dev.weft.js.module.timers.TimersModule;
import dev.weft.metrics.Tags;
import dev.weft.vu.IterationContext;
import dev.weft.vu.IterationOutcome;
import dev.weft.vu.Vu;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * A VU backed by its own GraalJS context, whose init code has run. Used only by the thread
 * that owns it, except {@link #interrupt()}, which any thread may call.
 */
public final class JsVu implements Vu {
    private final VuScope scope;
    private final Value exports;
    private final JsProgram program;
    private final ModuleInstances instances;
    private final Value bindings;
    /** JSON.parse, JSON.stringify and setup-json.js's function: looked up or made on first use. */
    private Value jsonParse;
    private Value reflectGet;
    private Value jsonStringify;
    private Value setupJson;
    private final Map<String, Value> functions = new HashMap<>();
    private String parsedSetupText;
    /** The VU's own __ENV, read when a scenario's env is first applied; null until then. */
    private Value baseEnv;
    /** The __ENV a scenario's env last put in place; null while the VU's own is in place. */
    private Value currentEnv;
    private final Map<String, Value> scenarioEnvs = new HashMap<>();
    private Value parsedSetupData;
    private volatile Thread running;
    private volatile boolean interrupted;
    private EventLoop loop;
    private boolean noTimers;

    JsVu(VuScope scope, Value exports, JsProgram program, ModuleInstances instances) {
        this.scope = scope;
        this.exports = exports;
        this.program = program;
        this.instances = instances;
        this.bindings = scope.context().getBindings("js");
    }

    /**
     * The exported function (or value) {@code name} as the script made it, or null when there is
     * none. Read through the module namespace by interop, a function comes bound to it
     * (GraalJS's InteropBoundFunction): its calls then ran with {@code this} the namespace where
     * k6 has it undefined, and went through three more frames, which a VU parked in sleep()
     * kept on its stack. Read by {@code Reflect.get}, whose result is a return value, it is the
     * function itself.
     */
    private Value exported(String name) {
        if (reflectGet == null) {
            reflectGet = bindings.getMember("Reflect").getMember("get");
        }
        Value v = reflectGet.execute(exports, name);
        return v.isNull() ? null : v;
    }

    private Value jsonParse() {
        if (jsonParse == null) {
            jsonParse = bindings.getMember("JSON").getMember("parse");
        }
        return jsonParse;
    }

    private Value jsonStringify() {
        if (jsonStringify == null) {
            jsonStringify = bindings.getMember("JSON").getMember("stringify");
        }
        return jsonStringify;
    }

    /** Writes setup data as k6 writes it (Go's JSON: sorted keys, Go's time format); made in the VU that runs setup. */
    private Value setupJson() {
        if (setupJson == null) {
            setupJson = scope.scripts().instantiate(scope, "setup-json.js", null);
        }
        return setupJson;
    }

    /**
     * Does now, in init and off the test's clock, what the first iteration would otherwise do
     * lazily while 10,000 VUs start theirs at once: finds the default function and, when it is
     * an async function, the event loop that will follow its promise (making the VU's k6/timers
     * instance). A plain function's iterations need no event loop unless they use timers or
     * asynchronous APIs, which make it themselves.
     */
    void prepare(Predicate<Value> isAsyncFunction) {
        Value fn = exported("default");
        if (fn != null && fn.canExecute()) {
            functions.put("default", fn);
            if (isAsyncFunction.test(fn)) {
                eventLoop();
            }
        }
    }

    @Override
    public int id() {
        return scope.id();
    }

    VuScope scope() {
        return scope;
    }

    /** True when the script exports a function with this name. */
    public boolean exportsFunction(String name) {
        Value v = exports.getMember(name);
        return v != null && v.canExecute();
    }

    /** Names the script's module exports. */
    java.util.Set<String> exportedNames() {
        return exports.getMemberKeys();
    }

    /** The exported {@code options} as JSON text, or null when there are none. */
    public String optionsJson() {
        Value v = exports.getMember("options");
        if (v == null || v.isNull()) {
            return null;
        }
        return jsonStringify().execute(v).asString();
    }

    @Override
    public IterationOutcome runIteration(IterationContext ctx) {
        scope.enter(Phase.VU, ctx.tags());
        scope.iteration(ctx);
        bindings.putMember("__ITER", ctx.vuIteration());
        applyScenarioEnv(ctx.scenario(), ctx.execution().scenarioEnv());
        Value fn = functions.computeIfAbsent(ctx.exec(), this::exported);
        if (fn == null || !fn.canExecute()) {
            scope.services().console().log("error", "function \"" + ctx.exec() + "\" is not exported by the script");
            return IterationOutcome.FAILED;
        }
        return call(fn, setupData(ctx.setupData()));
    }

    /**
     * k6 adds a scenario's {@code env} to {@code __ENV} for that scenario's iterations: each
     * scenario gets its own merged copy of the VU's init-time __ENV, made once.
     */
    private void applyScenarioEnv(String scenarioName, Map<String, String> env) {
        if (env.isEmpty() && currentEnv == null) {
            return; // the VU's own __ENV is in place (and, unread, not even parsed: see prelude.js)
        }
        if (baseEnv == null) {
            baseEnv = bindings.getMember("__ENV");
        }
        Value target = baseEnv;
        if (!env.isEmpty()) {
            target = scenarioEnvs.computeIfAbsent(scenarioName, n -> {
                Value merged = bindings.getMember("Object").getMember("assign")
                        .execute(bindings.getMember("Object").newInstance(), baseEnv);
                env.forEach(merged::putMember);
                return merged;
            });
        }
        if (target != (currentEnv == null ? baseEnv : currentEnv)) {
            bindings.putMember("__ENV", target);
            currentEnv = target == baseEnv ? null : target;
        }
    }

    private Value setupData(String text) {
        if (text == null) {
            return null;
        }
        if (!text.equals(parsedSetupText)) {
            parsedSetupData = jsonParse().execute(text);
            parsedSetupText = text;
        }
        return parsedSetupData;
    }

    private IterationOutcome call(Value fn, Value data) {
        running = Thread.currentThread();
        interrupted = false;
        EventLoop events = eventLoopIfMade();
        scope.iterationStarting();
        try {
            Value result = data == null ? fn.execute() : fn.execute(data);
            if (events == null) {
                // made during this iteration (a timer, an asynchronous request), or needed now to
                // follow the promise a function returned
                events = eventLoopIfMade();
                if (events == null && EventLoop.isThenable(result)) {
                    events = eventLoop();
                }
            }
            if (events != null) {
                // k6: an iteration ends when its promise has settled and no timers remain
                Settlement settled = events.await(result, () -> interrupted);
                if (settled.state() == Settlement.State.INTERRUPTED) {
                    return IterationOutcome.INTERRUPTED;
                }
                if (settled.state() == Settlement.State.REJECTED) {
                    return rejected(settled);
                }
            }
            return IterationOutcome.COMPLETED;
        } catch (PolyglotException e) {
            if (interrupted || e.isCancelled() || e.isInterrupted()) {
                return IterationOutcome.INTERRUPTED;
            }
            if (AbortSignal.is(e)) {
                String frame = JsErrors.scriptFrame(e);
                scope.services().console().log("error", "test aborted: " + AbortSignal.reason(e)
                        + (frame.isEmpty() ? "" : " at " + frame), ScriptConsole.origin("stacktrace", scope));
                return IterationOutcome.ABORT_TEST;
            }
            scope.services().console().log("error", JsErrors.withStack(e), ScriptConsole.origin("stacktrace", scope));
            return IterationOutcome.FAILED;
        } finally {
            EventLoop made = events != null ? events : eventLoopIfMade();
            if (made != null) {
                made.reset();
            }
            running = null;
            Thread.interrupted();
            scope.iterationEnded();
        }
    }

    private IterationOutcome rejected(Settlement settled) {
        Value reason = settled.reason();
        if (reason != null && reason.isHostObject() && reason.asHostObject() instanceof AbortSignal abort) {
            scope.services().console().log("error", "test aborted: " + abort.getMessage(),
                    ScriptConsole.origin("stacktrace", scope));
            return IterationOutcome.ABORT_TEST;
        }
        scope.services().console().log("error", "Uncaught (in promise) " + settled.error(),
                ScriptConsole.origin("stacktrace", scope));
        return IterationOutcome.FAILED;
    }

    /**
     * This VU's event loop: the one behind its k6/timers instance, made now (which also installs
     * the timer globals) if it was not yet; null when the registry has no k6/timers.
     */
    private EventLoop eventLoop() {
        if (eventLoopIfMade() == null && !noTimers) {
            try {
                loop = TimersModule.loopOf(bindings.getMember("__weftModule").execute(TimersModule.NAME));
            } catch (PolyglotException e) {
                noTimers = true;
            }
        }
        return loop;
    }

    /** True once this VU made its event loop (for tests). */
    boolean hasEventLoop() {
        return eventLoopIfMade() != null;
    }

    /** This VU's event loop if its k6/timers instance was made (by the script or a module), else null. */
    private EventLoop eventLoopIfMade() {
        if (loop == null && instances.madeOrNull(TimersModule.NAME) instanceof Value timers) {
            loop = TimersModule.loopOf(timers);
        }
        return loop;
    }

    /** Runs setup() (or teardown(data)) in this VU; returns the value as JSON text or null. */
    String runStage(Phase phase, String function, String setupJson) throws StageFailure {
        scope.enter(phase, scope.services().testTags());
        Value fn = exported(function);
        EventLoop events = eventLoop();
        running = Thread.currentThread();
        try {
            Value result = setupJson == null ? fn.execute() : fn.execute(jsonParse().execute(setupJson));
            if (events != null) {
                Settlement settled = events.await(result, () -> interrupted);
                switch (settled.state()) {
                    case INTERRUPTED -> throw new StageFailure(function + "() was interrupted", true);
                    case REJECTED -> throw new StageFailure("Uncaught (in promise) " + settled.error(), false);
                    case PENDING -> result = null;
                    case RESOLVED -> result = settled.value();
                }
            }
            if (result == null || result.isNull()) {
                return null;
            }
            Value json = setupJson().execute(result);
            return json.isNull() ? null : json.asString();
        } catch (PolyglotException e) {
            throw new StageFailure(JsErrors.withStack(e), interrupted || e.isCancelled() || e.isInterrupted());
        } finally {
            if (events != null) {
                events.reset();
            }
            running = null;
        }
    }

    /** setup() or teardown() threw, or was interrupted at its timeout. */
    static final class StageFailure extends Exception {
        final boolean interrupted;

        StageFailure(String message, boolean interrupted) {
            super(message);
            this.interrupted = interrupted;
        }
    }

    @Override
    public void interrupt() {
        Thread t = running;
        if (t == null) {
            return;
        }
        interrupted = true;
        t.interrupt();
        Thread.ofVirtual().start(() -> {
            try {
                scope.context().interrupt(Duration.ofSeconds(2));
            } catch (Exception e) {
                // the iteration ended before the interrupt reached it
            }
        });
    }

    /**
     * Runs the VU's close hooks, then closes its context, unless the program said its contexts
     * end with the process ({@link JsProgram#contextsEndWithProcess()}).
     */
    @Override
    public void close() {
        scope.closing();
        if (!program.leavesContextsToExit()) {
            scope.context().close(true);
        }
    }
}
