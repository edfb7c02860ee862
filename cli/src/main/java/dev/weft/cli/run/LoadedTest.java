package dev.weft.cli.run;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.weft.cli.GlobalEnv;
import dev.weft.cli.archive.Archive;
import dev.weft.http.HttpEngine;
import dev.weft.js.JsProgram;
import dev.weft.js.ScriptException;
import dev.weft.js.ScriptInfo;
import dev.weft.js.loader.CompatibilityMode;
import dev.weft.js.loader.LoaderOptions;
import dev.weft.js.module.ModuleRegistry;
import dev.weft.js.module.TestServices;
import dev.weft.js.module.http.HttpModule;
import dev.weft.metrics.MetricRegistry;
import dev.weft.metrics.SampleSink;
import dev.weft.metrics.Tags;
import dev.weft.options.OptionsException;
import dev.weft.options.TestOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A script (or k6 archive) loaded and its init code run once, with the options consolidated in
 * k6's order: defaults &lt; config file &lt; (archive &lt;) script &lt; K6_* environment &lt;
 * flags. Shared by {@code weft run}, {@code inspect} and {@code archive}; built and closed on
 * the main thread. Closing it closes the program and removes an unpacked archive.
 */
public final class LoadedTest implements AutoCloseable {
    private final JsProgram program;
    private final ScriptInfo info;
    private final TestOptions options;
    private final Map<String, String> env;
    private final Map<String, String> userEnv;
    private final ConfigFile config;
    private final CompatibilityMode mode;
    private final Path unpacked;

    private LoadedTest(JsProgram program, ScriptInfo info, TestOptions options, Map<String, String> env,
            Map<String, String> userEnv, ConfigFile config, CompatibilityMode mode, Path unpacked) {
        this.program = program;
        this.info = info;
        this.options = options;
        this.env = env;
        this.userEnv = userEnv;
        this.config = config;
        this.mode = mode;
        this.unpacked = unpacked;
    }

    /** Loads the flags' script or archive and runs its init code once on this thread. */
    public static LoadedTest load(RunFlags flags, GlobalEnv global, ConsoleLog console, ModuleRegistry modules,
            MetricRegistry registry, Clock clock) throws ScriptException {
        Path script = global.cwd().resolve(flags.script());
        Archive archive = null;
        Path unpacked = null;
        if (Files.isRegularFile(script) && Archive.isArchive(script)) {
            try {
                archive = Archive.read(script);
                unpacked = Files.createTempDirectory("weft-archive");
                script = archive.extractTo(unpacked);
            } catch (IOException e) {
                deleteTree(unpacked);
                throw new ScriptException(flags.script() + ": can't read the archive: " + e.getMessage());
            }
        }
        try {
            return load(flags, global, console, modules, registry, clock, script, archive, unpacked);
        } catch (ScriptException | RuntimeException e) {
            deleteTree(unpacked);
            throw e;
        }
    }

    private static LoadedTest load(RunFlags flags, GlobalEnv global, ConsoleLog console, ModuleRegistry modules,
            MetricRegistry registry, Clock clock, Path script, Archive archive, Path unpacked)
            throws ScriptException {
        Map<String, String> userEnv = new LinkedHashMap<>();
        if (archive != null) {
            userEnv.putAll(archive.env());
        }
        userEnv.putAll(flags.env());
        Map<String, String> env = new LinkedHashMap<>();
        if (flags.includeSystemEnv() && !"false".equalsIgnoreCase(global.env().get("K6_INCLUDE_SYSTEM_ENV_VARS"))) {
            env.putAll(global.env());
        }
        env.putAll(userEnv);
        CompatibilityMode mode = mode(flags, global.env(), archive);
        String configPath = flags.config() != null ? flags.config() : global.env().get("K6_CONFIG");
        ConfigFile config = configPath == null ? ConfigFile.NONE : ConfigFile.read(global.cwd().resolve(configPath));
        LoaderOptions loader = LoaderOptions.defaults(global.env()).withMode(mode).withBundledRemote(unpacked);
        JsProgram program = JsProgram.load(script, modules, loader);
        try {
            TestOptions none = TestOptions.of(new JsonObject());
            TestServices initServices = new TestServices(env, none, registry, SampleSink.DISCARD,
                    new HttpEngine(HttpModule.engineConfig(none), clock), clock, Tags.EMPTY, program.scriptDir(), console);
            ScriptInfo info = ScriptInfo.read(program, initServices);
            List<JsonObject> layers = new ArrayList<>();
            layers.add(config.options());
            if (archive != null) {
                layers.add(archive.options());
            }
            if (info.optionsJson() != null) {
                layers.add(JsonParser.parseString(info.optionsJson()).getAsJsonObject());
            }
            layers.add(EnvOptions.from(global.env()));
            layers.add(flags.optionsLayer());
            TestOptions options = TestOptions.merge(layers);
            return new LoadedTest(program, info, options, env, userEnv, config, mode, unpacked);
        } catch (ScriptException | RuntimeException e) {
            program.close();
            throw e;
        }
    }

    private static CompatibilityMode mode(RunFlags flags, Map<String, String> processEnv, Archive archive) {
        String text = flags.compatibilityMode() != null ? flags.compatibilityMode()
                : processEnv.containsKey("K6_COMPATIBILITY_MODE") ? processEnv.get("K6_COMPATIBILITY_MODE")
                : archive != null ? archive.compatibilityMode() : null;
        try {
            return CompatibilityMode.parse(text);
        } catch (IllegalArgumentException e) {
            throw new OptionsException(e.getMessage());
        }
    }

    public JsProgram program() {
        return program;
    }

    public ScriptInfo info() {
        return info;
    }

    public TestOptions options() {
        return options;
    }

    /** __ENV: the process environment (unless excluded) plus -e variables. */
    public Map<String, String> env() {
        return env;
    }

    /** Only the -e variables (and an archive's), which an archive keeps. */
    public Map<String, String> userEnv() {
        return userEnv;
    }

    /** Outputs named by the config file's "out". */
    public List<String> configOutputs() {
        return config.outputs();
    }

    /** True when the config file says {@code "webDashboard": true}. */
    public boolean configWebDashboard() {
        return config.webDashboard();
    }

    public CompatibilityMode mode() {
        return mode;
    }

    @Override
    public void close() {
        program.close();
        deleteTree(unpacked);
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
