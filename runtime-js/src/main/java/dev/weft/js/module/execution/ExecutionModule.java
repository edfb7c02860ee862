package dev.weft.js.module.execution;

import com.google.gson.Gson;
import dev.weft.js.AbortSignal;
import dev.weft.js.module.HostObject;
import dev.weft.js.module.JsModule;
import dev.weft.js.module.Phase;
import dev.weft.js.module.VuScope;
import dev.weft.vu.ExecutionView;
import dev.weft.vu.IterationContext;
import java.util.List;
import org.graalvm.polyglot.Value;

/**
 * {@code k6/execution}: where the VU, its scenario, this instance and the test stand, and
 * {@code test.abort()}. Reads the VU's current iteration on the VU's own thread. Scenario and
 * instance facts are only known inside iterations; elsewhere k6 throws, and so does this.
 */
public final class ExecutionModule implements JsModule {
    private static final Gson GSON = new Gson();

    @Override
    public String name() {
        return "k6/execution";
    }

    @Override
    public List<String> exportNames() {
        return List.of("vu", "scenario", "instance", "test");
    }

    @Override
    public Object instance(VuScope vu) {
        return vu.scripts().instantiate(vu, "execution.js", new HostObject()
                .fn("vuId", args -> vu.id())
                .fn("vuIterationInInstance", args -> Math.max(0, vu.iterationsInInstance() - 1))
                .fn("vuIterationInScenario", args -> current(vu).vuIteration())
                .fn("tag", args -> {
                    String name = args[0].asString();
                    String v = vu.vuTags().get(name);
                    return v != null ? v : vu.tags().get(name);
                })
                .fn("setTag", args -> {
                    vu.vuTag(args[0].asString(), args[1].asString());
                    return null;
                })
                .fn("tagNames", args -> GSON.toJson(vu.tags().merge(vu.vuTags()).map().keySet()))
                .fn("scenarioName", args -> current(vu).scenario())
                .fn("scenarioExecutor", args -> view(vu).executor())
                .fn("scenarioStartTime", args -> view(vu).scenarioStartMillis())
                .fn("scenarioProgress", args -> view(vu).progress())
                .fn("scenarioIteration", args -> current(vu).scenarioIteration())
                .fn("iterationsInterrupted", args -> view(vu).interruptedIterations())
                .fn("iterationsCompleted", args -> view(vu).completedIterations())
                .fn("vusActive", args -> view(vu).activeVus())
                .fn("vusInitialized", args -> view(vu).initializedVus())
                .fn("currentTestRunDuration", args -> (double) (vu.services().clock().millis()
                        - view(vu).testStartMillis()))
                .fn("abort", ExecutionModule::abort)
                .fn("options", args -> vu.services().options().raw().toString())
                .build());
    }

    private static Object abort(Value... args) {
        throw new AbortSignal(args[0].asString());
    }

    private static IterationContext current(VuScope vu) {
        if (vu.phase() != Phase.VU || vu.current() == null) {
            throw new IllegalStateException("scenario information is only available inside VU code");
        }
        return vu.current();
    }

    private static ExecutionView view(VuScope vu) {
        return current(vu).execution();
    }
}
