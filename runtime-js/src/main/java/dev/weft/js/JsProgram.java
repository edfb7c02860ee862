package dev.weft.js;

import dev.weft.js.loader.LoaderOptions;
import dev.weft.js.loader.RemoteModules;
import dev.weft.js.loader.SummaryHostModule;
import dev.weft.js.loader.TypeScriptException;
import dev.weft.js.loader.TypeStripper;
import dev.weft.js.module.ModuleRegistry;
import dev.weft.js.module.ModuleScripts;
import dev.weft.js.module.VuScope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.FileSystem;
import org.graalvm.polyglot.io.IOAccess;

/**
 * A loaded test script: the one GraalJS {@link Engine} of the test, the parsed main module and
 * prelude, the built-in modules, the script files and remote modules. Shared by all VUs and
 * thread-safe; each VU gets its own {@link Context} from {@link #newContext(Supplier)}. A
 * {@code .ts} script (and any {@code .ts} module it imports) is type-stripped on load.
 */
public final class JsProgram implements AutoCloseable {
    /** The MIME type GraalJS reads an ES module by: the main script's, and every import's. */
    static final String MODULE_MIME = "application/javascript+module";
    /**
     * What scripts may do with Java objects: only read arrays, lists and buffers handed to them.
     * One instance for every context: GraalJS keeps its per-class reflection cache in it, so a
     * new one per VU made each VU look up the same host classes again.
     */
    private static final HostAccess HOST_ACCESS = HostAccess.newBuilder(HostAccess.NONE).allowArrayAccess(true)
            .allowListAccess(true).allowBufferAccess(true).build();

    /**
     * GraalJS options of every VU context, set on the engine. The slimming ones are
     * "experimental" only in name; each drops a global. k6 v1.3.0's runtime (sobek) has none of
     * ES2024's or later built-ins (Object.groupBy, Promise.withResolvers, resizable buffers,
     * isWellFormed, Set methods, iterator helpers) nor the legacy RegExp.$1..$9 statics nor a
     * global `arguments` (GraalJS's command-line arguments, filled in for every realm): leaving
     * them out makes every context smaller (measured -8% heap per context) and the language k6's.
     */
    private static final Map<String, String> JS_OPTIONS = Map.ofEntries(
            Map.entry("js.esm-eval-returns-exports", "true"),
            Map.entry("js.console", "false"),
            Map.entry("js.print", "false"),
            Map.entry("js.load", "false"),
            Map.entry("js.graal-builtin", "false"),
            Map.entry("js.polyglot-builtin", "false"),
            Map.entry("js.performance", "false"),
            Map.entry("js.java-package-globals", "false"),
            Map.entry("js.intl-402", "false"),
            Map.entry("js.shared-array-buffer", "false"),
            Map.entry("js.atomics", "false"),
            Map.entry("js.ecmascript-version", "2023"),
            Map.entry("js.regexp-static-result", "false"),
            Map.entry("js.global-arguments", "false"));

    private final Engine engine;
    private final Source main;
    private final Source prelude;
    private final Path scriptPath;
    private final ModuleRegistry modules;
    private final ScriptFiles files;
    private final ModuleScripts moduleScripts = new ModuleScripts();
    private final LoaderOptions loader;
    private final RemoteModules remote;
    /** The disk as every VU's {@link ModuleFileSystem} reads it (read-only); stateless, so shared. */
    private final FileSystem disk = FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem());
    /** GraalJS's log messages from every VU context (else each context makes its own stream handler). */
    private final EngineLog engineLog = new EngineLog(System.err);
    private volatile boolean contextsEndWithProcess;

    private JsProgram(Engine engine, Source main, Source prelude, Path scriptPath, ModuleRegistry modules,
            LoaderOptions loader) {
        this.engine = engine;
        this.main = main;
        this.prelude = prelude;
        this.scriptPath = scriptPath;
        this.modules = modules;
        this.files = new ScriptFiles(scriptPath.getParent());
        this.loader = loader;
        this.remote = new RemoteModules(loader);
    }

    /** Reads the script with default loader options (module cache from the process environment). */
    public static JsProgram load(Path script, ModuleRegistry modules) throws ScriptException {
        return load(script, modules, LoaderOptions.defaults(System.getenv()));
    }

    /**
     * Reads the script; a missing file is a {@link ScriptException} naming it. Adds Weft's
     * loader modules (the k6-summary stand-in's host half) to {@code modules}.
     */
    public static JsProgram load(Path script, ModuleRegistry modules, LoaderOptions loader) throws ScriptException {
        Path abs = script.toAbsolutePath().normalize();
        String text;
        try {
            text = Files.readString(abs);
        } catch (NoSuchFileException e) {
            throw new ScriptException(script + ": no such script file");
        } catch (IOException e) {
            throw new ScriptException(script + ": can't read the script: " + e.getMessage());
        }
        if (TypeStripper.isTypeScript(abs.getFileName().toString())) {
            try {
                text = TypeStripper.strip(text);
            } catch (TypeScriptException e) {
                throw new ScriptException(script + ":" + e.line() + ":" + e.column() + ": " + e.getMessage());
            }
        }
        if (dev.weft.js.loader.CommonJs.isCommonJs(text)) {
            // a CommonJS main script (exports.default = ...) runs through require() like any CommonJS file
            text = dev.weft.js.loader.CommonJs.esmWrapper(abs, text);
        }
        if (!modules.has(SummaryHostModule.NAME)) {
            modules.add(new SummaryHostModule());
        }
        Engine engine = Engine.newBuilder("js")
                .option("engine.WarnInterpreterOnly", "false")
                // with the opt-in JIT (WEFT_JIT=1), Truffle would warn that virtual threads are
                // experimental; contexts on virtual threads are this design's premise
                .allowExperimentalOptions(true)
                .option("engine.WarnVirtualThreadSupport", "false")
                // the language options, set once on the engine instead of on each VU's context
                // (each context otherwise parsed and copied them: ~30 us and 1.2 KB per VU)
                .options(JS_OPTIONS)
                .build();
        Source main = Source.newBuilder("js", abs.toFile()).content(text).mimeType(MODULE_MIME).cached(true)
                .buildLiteral();
        return new JsProgram(engine, main, preludeSource(), abs, modules, loader);
    }

    private static Source preludeSource() {
        try (InputStream in = JsProgram.class.getResourceAsStream("prelude.js")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Source.newBuilder("js", text, "weft-prelude.js").cached(true).buildLiteral();
        } catch (IOException e) {
            throw new IllegalStateException("prelude.js missing from the classpath", e);
        }
    }

    public Path scriptPath() {
        return scriptPath;
    }

    public Path scriptDir() {
        return scriptPath.getParent();
    }

    Source main() {
        return main;
    }

    Source prelude() {
        return prelude;
    }

    /** How this program loads code (cache, compatibility mode). */
    public LoaderOptions loaderOptions() {
        return loader;
    }

    /** Local script and module files read so far (as on disk), for {@code weft archive}. */
    public Map<Path, byte[]> localFilesRead() throws java.io.IOException {
        return files.readSoFar();
    }

    /** Remote modules loaded so far, URL to source, for {@code weft archive}. */
    public Map<String, byte[]> remoteModulesLoaded() {
        return remote.loaded();
    }

    /**
     * A file for {@code open()}: small files are read from disk once per test and shared by
     * every VU, large ones read each time (see {@link ScriptFiles#data}); all are remembered for
     * {@code weft archive}. Null if it does not exist.
     */
    byte[] readFile(Path path) throws java.io.IOException {
        return files.data(path);
    }

    ModuleScripts moduleScripts() {
        return moduleScripts;
    }

    ModuleRegistry modules() {
        return modules;
    }

    /**
     * A fresh context for one VU, built but not yet evaluated in; call on the thread that will own
     * it. Its VU's prelude then runs first (see {@link JsVuFactory}).
     */
    Context newContext(Supplier<VuScope> scope) {
        Context context = Context.newBuilder("js")
                .engine(engine)
                .allowHostAccess(HOST_ACCESS)
                .logHandler(engineLog)
                .allowIO(IOAccess.newBuilder().fileSystem(new ModuleFileSystem(disk, modules, files, scope, remote))
                        .build())
                .build();
        // the realm (the JS built-ins) is made by the context's first eval: the VU's prelude,
        // which also makes `global` when the compatibility mode has it (aliasesGlobal)
        return context;
    }

    /**
     * Says the process exits right after this test: from now on closing a VU runs its close
     * hooks (connections, timers) but leaves its context, and {@link #close()} leaves the engine,
     * for the exit to reclaim. GraalJS closes contexts one at a time under a process-wide lock,
     * each close scanning a list of every live context, so closing 10,000 VUs took seconds of
     * wall time after the last iteration. Called by the CLI's run command, on its main thread.
     */
    public void contextsEndWithProcess() {
        contextsEndWithProcess = true;
    }

    /** True once {@link #contextsEndWithProcess()} was called: VUs then leave their contexts open. */
    boolean leavesContextsToExit() {
        return contextsEndWithProcess;
    }

    /**
     * Closes the engine, cancelling any context still running (a VU init abandoned after a failed
     * initialisation), unless the contexts are left to the process exit.
     */
    @Override
    public void close() {
        if (!contextsEndWithProcess) {
            engine.close(true);
        }
    }
}
