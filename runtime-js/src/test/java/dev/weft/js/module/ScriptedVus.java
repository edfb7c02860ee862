package dev.weft.js.module;

import dev.weft.js.JsProgram;
import dev.weft.js.JsVu;
import dev.weft.js.JsVuFactory;
import dev.weft.js.ScriptException;
import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.MetricRegistry;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.options.TestOptions;
import dev.weft.vu.IterationContext;
import dev.weft.vu.IterationOutcome;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper: a script written to a temporary directory, loaded with the built-in modules and
 * run in real GraalJS VUs (no HTTP engine). Records samples and console lines. Close it after
 * each test: every VU context and the engine are closed.
 */
public final class ScriptedVus implements AutoCloseable {
    private final Path dir;
    private final JsProgram program;
    private final JsVuFactory factory;
    private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    private final List<String> logs = Collections.synchronizedList(new ArrayList<>());
    private final List<JsVu> vus = Collections.synchronizedList(new ArrayList<>());

    private ScriptedVus(Path dir, JsProgram program) {
        this.dir = dir;
        this.program = program;
        TestServices services = new TestServices(Map.of(), TestOptions.of(new JsonObject()),
                MetricRegistry.withBuiltins(), samples::add, null, Clock.systemUTC(), Tags.EMPTY, dir,
                (level, text) -> logs.add(level + ": " + text));
        this.factory = new JsVuFactory(program, services);
    }

    /** Writes {@code script} (and any extra files, name then text) and loads it. */
    public static ScriptedVus of(String script, String... files) {
        try {
            Path dir = Files.createTempDirectory("weft-script");
            Files.writeString(dir.resolve("script.js"), script);
            for (int i = 0; i < files.length; i += 2) {
                Files.writeString(dir.resolve(files[i]), files[i + 1]);
            }
            return new ScriptedVus(dir, JsProgram.load(dir.resolve("script.js"), BuiltinModules.create()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ScriptException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** A new VU whose init code has run, on the calling thread. */
    public JsVu vu(int id) throws ScriptException {
        JsVu vu = factory.createOrThrow(id);
        vus.add(vu);
        return vu;
    }

    /** Runs one iteration of {@code default} in a fresh VU 1. */
    public IterationOutcome runOnce() throws ScriptException {
        return iterate(vu(1), 0);
    }

    public IterationOutcome iterate(JsVu vu, long iteration) {
        return vu.runIteration(new IterationContext("default", "default", iteration, iteration, Tags.EMPTY, null));
    }

    public JsVuFactory factory() {
        return factory;
    }

    /** check() results by check name; a name checked more than once keeps its last result. */
    public Map<String, Boolean> checks() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        synchronized (samples) {
            for (Sample s : samples) {
                if (s.metric().equals(BuiltinMetrics.CHECKS)) {
                    m.put(s.tags().get("check"), s.value() == 1);
                }
            }
        }
        return m;
    }

    public List<String> logs() {
        synchronized (logs) {
            return List.copyOf(logs);
        }
    }

    @Override
    public void close() {
        synchronized (vus) {
            vus.forEach(JsVu::close);
        }
        program.close();
    }
}
