package dev.weft.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.weft.cli.run.ConsoleLog;
import dev.weft.cli.run.Header;
import dev.weft.cli.run.LoadedTest;
import dev.weft.cli.run.RunFlags;
import dev.weft.executor.Instance;
import dev.weft.executor.PauseGate;
import dev.weft.executor.Scenarios;
import dev.weft.js.ScriptException;
import dev.weft.js.module.BuiltinModules;
import dev.weft.lifecycle.ExitCode;
import dev.weft.lifecycle.TestRun;
import dev.weft.metrics.MetricRegistry;
import dev.weft.options.OptionsException;
import dev.weft.options.TestOptions;
import dev.weft.segment.ExecutionTuple;
import dev.weft.segment.SegmentException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code weft inspect [--execution-requirements] [run flags] script.js|archive.tar}: runs the
 * init code once and prints the test's consolidated options as indented JSON (config file,
 * script, K6_* environment and flags merged); with --execution-requirements also k6's
 * {@code totalDuration} and {@code maxVUs}.
 */
final class InspectCommand {
    private final GlobalEnv global;

    InspectCommand(GlobalEnv global) {
        this.global = global;
    }

    int run(List<String> args) throws UsageException {
        List<String> rest = new ArrayList<>(args);
        boolean requirements = rest.remove("--execution-requirements");
        RunFlags flags = RunFlags.parse(rest);
        try (ConsoleLog console = new ConsoleLog(global.stderr(), false);
                LoadedTest test = LoadedTest.load(flags, global, console, BuiltinModules.create(),
                        MetricRegistry.withBuiltins(), Clock.systemUTC())) {
            JsonObject out = test.options().raw();
            if (requirements) {
                TestOptions options = test.options();
                Instance instance = new Instance(ExecutionTuple.parse(
                        options.get("executionSegment").map(e -> e.getAsString()).orElse(null),
                        options.get("executionSegmentSequence").map(e -> e.getAsString()).orElse(null)),
                        new PauseGate(false));
                TestRun.Plan plan = new TestRun.Plan(new Scenarios(Scenarios.builtinTypes(), instance)
                        .fromOptions(options), true, true, options.setupTimeout(), options.teardownTimeout(),
                        dev.weft.metrics.Tags.EMPTY, instance);
                out.addProperty("totalDuration", Header.format(plan.maxDuration()));
                out.addProperty("maxVUs", plan.maxVus());
            }
            global.stdout().println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(out));
            return 0;
        } catch (ScriptException e) {
            global.stderr().println("ERRO[0000] " + e.getMessage());
            return ExitCode.SCRIPT_EXCEPTION.code();
        } catch (OptionsException | SegmentException e) {
            global.stderr().println("ERRO[0000] invalid options: " + e.getMessage());
            return ExitCode.INVALID_CONFIG.code();
        }
    }
}
