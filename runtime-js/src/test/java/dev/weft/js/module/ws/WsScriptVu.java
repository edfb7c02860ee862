package dev.weft.js.module.ws;

import com.google.gson.JsonObject;
import dev.weft.js.JsProgram;
import dev.weft.js.JsVu;
import dev.weft.js.JsVuFactory;
import dev.weft.js.module.BuiltinModules;
import dev.weft.js.module.TestServices;
import dev.weft.metrics.Metric;
import dev.weft.metrics.MetricRegistry;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.options.TestOptions;
import dev.weft.vu.IterationContext;
import dev.weft.vu.IterationOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Test helper: one real GraalJS VU running a script that finds the target's WebSocket base in
 * {@code __ENV.WS}, with its samples, console lines and metric registry kept. Used by one test
 * thread; close it to close the VU.
 */
public final class WsScriptVu implements AutoCloseable {
    public final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    public final ConcurrentLinkedQueue<String> console = new ConcurrentLinkedQueue<>();
    public final MetricRegistry registry = MetricRegistry.withBuiltins();
    private final JsProgram program;
    private final JsVu vu;

    public WsScriptVu(String wsBase, String script) throws Exception {
        Path dir = Files.createTempDirectory("weft-ws-test");
        Path file = dir.resolve("script.js");
        Files.writeString(file, script);
        TestServices services = new TestServices(Map.of("WS", wsBase), TestOptions.of(new JsonObject()), registry,
                samples::add, null, Clock.systemUTC(), Tags.EMPTY, dir, (level, text) -> console.add(level + ": " + text));
        program = JsProgram.load(file, BuiltinModules.create());
        vu = new JsVuFactory(program, services).createOrThrow(1);
    }

    public IterationOutcome iterate() {
        return vu.runIteration(new IterationContext("default", "default", 0, 0, Tags.of("scenario", "default"), null));
    }

    public List<Sample> samples(Metric metric) {
        return samples.stream().filter(s -> s.metric().equals(metric)).toList();
    }

    @Override
    public void close() {
        vu.close();
        program.close();
    }
}
