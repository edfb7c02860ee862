package dev.weft.js;

import dev.weft.executor.Executor;
import dev.weft.executor.Scenarios;
import dev.weft.js.module.BuiltinModules;
import dev.weft.js.module.ScriptConsole;
import dev.weft.js.module.TestServices;
import dev.weft.lifecycle.RunResult;
import dev.weft.lifecycle.TestRun;
import dev.weft.metrics.MetricRegistry;
import dev.weft.metrics.Sample;
import dev.weft.metrics.SampleSink;
import dev.weft.metrics.Tags;
import dev.weft.options.TestOptions;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Test helper: writes scripts to a folder and runs them through real GraalJS VUs and the real lifecycle. */
final class ScriptHarness {
    final Path dir;
    final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> logs = new ConcurrentLinkedQueue<>();
    final SampleSink sink = samples::add;
    final ScriptConsole console = (level, text) -> logs.add(level + ": " + text);

    ScriptHarness(Path dir) {
        this.dir = dir;
    }

    ScriptHarness file(String name, String text) {
        try {
            Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    TestServices services(TestOptions options) {
        return new TestServices(Map.of("GREETING", "hi"), options, MetricRegistry.withBuiltins(), sink, null,
                Clock.systemUTC(), Tags.EMPTY, dir, console);
    }

    JsProgram program(String script) throws ScriptException {
        return JsProgram.load(dir.resolve(script), BuiltinModules.create());
    }

    /** Runs the script like `weft run` does, with extra option layers on top of the script's options. */
    RunResult run(String script, String overridesJson) throws Exception {
        try (JsProgram program = program(script)) {
            ScriptInfo info = ScriptInfo.read(program, services(TestOptions.of(new JsonObject())));
            JsonObject scriptOptions = info.optionsJson() == null ? new JsonObject()
                    : JsonParser.parseString(info.optionsJson()).getAsJsonObject();
            TestOptions options = TestOptions.merge(List.of(scriptOptions,
                    JsonParser.parseString(overridesJson).getAsJsonObject()));
            List<Executor> executors = new Scenarios(Scenarios.builtinTypes()).fromOptions(options);
            JsVuFactory factory = new JsVuFactory(program, services(options));
            try (JsSetupTeardown stages = new JsSetupTeardown(factory, info.exports("setup"), info.exports("teardown"))) {
                TestRun run = new TestRun(new TestRun.Plan(executors, !options.noSetup(), !options.noTeardown(),
                        options.setupTimeout(), options.teardownTimeout(), Tags.EMPTY), factory, stages, sink,
                        Clock.systemUTC());
                return run.run();
            }
        }
    }

    List<String> logLines(String prefix) {
        return logs.stream().filter(l -> l.startsWith(prefix)).toList();
    }

    long count(String metric) {
        return samples.stream().filter(s -> s.metric().name().equals(metric)).count();
    }
}
