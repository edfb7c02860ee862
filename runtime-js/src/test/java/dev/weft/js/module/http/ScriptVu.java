package dev.weft.js.module.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.weft.http.HttpEngine;
import dev.weft.js.JsProgram;
import dev.weft.js.JsVu;
import dev.weft.js.JsVuFactory;
import dev.weft.js.ScriptException;
import dev.weft.js.module.BuiltinModules;
import dev.weft.js.module.TestServices;
import dev.weft.metrics.Metric;
import dev.weft.metrics.MetricRegistry;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.options.TestOptions;
import dev.weft.target.TargetServer;
import dev.weft.vu.IterationContext;
import dev.weft.vu.IterationOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

/**
 * A real GraalJS VU running a test script against the local target, with its samples and console
 * lines recorded. Scripts find the target in {@code __ENV.BASE}, {@code __ENV.HTTPS_BASE} and
 * {@code __ENV.H2_BASE} (HTTP/2 over TLS), and
 * report values to the test by logging one JSON line with {@code console.log} (see
 * {@link #report()}). Used by one test thread; close it to close the VU and delete the script.
 */
final class ScriptVu implements AutoCloseable {
    /** One console.* line. */
    record Line(String level, String text) {
    }

    final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Line> console = new ConcurrentLinkedQueue<>();
    private final Path dir;
    private final JsProgram program;
    private final JsVu vu;
    private long iteration;

    private ScriptVu(String script, TargetServer target, JsonObject options) throws IOException, ScriptException {
        dir = Files.createTempDirectory("weft-http-test");
        Path file = dir.resolve("script.js");
        Files.writeString(file, script);
        TestOptions testOptions = TestOptions.of(options);
        HttpEngine engine = new HttpEngine(HttpModule.engineConfig(testOptions), Clock.systemUTC());
        TestServices services = new TestServices(
                Map.of("BASE", target.baseUrl(), "HTTPS_BASE", target.httpsBaseUrl(), "H2_BASE", target.h2BaseUrl()),
                testOptions,
                MetricRegistry.withBuiltins(), samples::add, engine, Clock.systemUTC(), Tags.EMPTY, dir,
                (level, text) -> console.add(new Line(level, text)));
        program = JsProgram.load(file, BuiltinModules.create());
        vu = new JsVuFactory(program, services).createOrThrow(1);
    }

    static ScriptVu start(TargetServer target, String script) {
        return start(target, new JsonObject(), script);
    }

    static ScriptVu start(TargetServer target, JsonObject options, String script) {
        try {
            return new ScriptVu(script, target, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ScriptException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Runs the default function once, as iteration n of scenario "default". */
    IterationOutcome iterate() {
        return vu.runIteration(new IterationContext("default", "default", iteration, iteration++,
                Tags.of("scenario", "default"), null));
    }

    /** Runs one iteration, which must complete, and returns the JSON it logged last. */
    JsonObject report() {
        IterationOutcome outcome = iterate();
        if (outcome != IterationOutcome.COMPLETED) {
            throw new AssertionError("iteration " + outcome + ": " + console);
        }
        return lastJson();
    }

    JsonObject lastJson() {
        String last = null;
        for (Line l : console) {
            if (l.level().equals("info") && l.text().startsWith("{")) {
                last = l.text();
            }
        }
        if (last == null) {
            throw new AssertionError("the script logged no JSON line: " + console);
        }
        JsonElement e = JsonParser.parseString(last);
        return e.getAsJsonObject();
    }

    List<Sample> samples(Metric metric) {
        return samples.stream().filter(s -> s.metric().equals(metric)).toList();
    }

    List<String> lines(String level) {
        return console.stream().filter(l -> l.level().equals(level)).map(Line::text).toList();
    }

    @Override
    public void close() {
        vu.close();
        program.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
