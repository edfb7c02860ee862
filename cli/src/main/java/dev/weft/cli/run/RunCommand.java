package dev.weft.cli.run;

import dev.weft.cli.GlobalEnv;
import dev.weft.cli.dashboard.WebDashboardOutput;
import dev.weft.control.TestRunControl;
import dev.weft.executor.Executor;
import dev.weft.executor.Instance;
import dev.weft.executor.PauseGate;
import dev.weft.segment.ExecutionTuple;
import dev.weft.segment.SegmentException;
import dev.weft.executor.Scenarios;
import dev.weft.http.HttpEngine;
import dev.weft.js.JsProgram;
import dev.weft.js.JsSetupTeardown;
import dev.weft.js.JsVuFactory;
import dev.weft.js.ScriptException;
import dev.weft.js.ScriptInfo;
import dev.weft.js.module.BuiltinModules;
import dev.weft.js.module.ModuleRegistry;
import dev.weft.js.module.TestServices;
import dev.weft.js.module.http.HttpModule;
import dev.weft.lifecycle.ExitCode;
import dev.weft.lifecycle.RunResult;
import dev.weft.lifecycle.StopReason;
import dev.weft.lifecycle.TestRun;
import dev.weft.metrics.MetricRegistry;
import dev.weft.metrics.SampleSink;
import dev.weft.metrics.Tags;
import dev.weft.options.OptionsException;
import dev.weft.options.TestOptions;
import dev.weft.threshold.ThresholdException;
import dev.weft.vu.HeapBudget;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code weft run}: loads the script, merges options, and runs the test through {@link
 * TestRun} with the metrics pipeline, outputs, thresholds and summary around it. Called once,
 * on the main thread; returns the process exit code.
 */
public final class RunCommand {
    private final GlobalEnv global;

    public RunCommand(GlobalEnv global) {
        this.global = global;
    }

    public int run(RunFlags flags) throws InterruptedException {
        LogSettings logs;
        try {
            logs = LogSettings.resolve(flags.logOutput(), flags.logFormat(), flags.noColor(), global.env());
        } catch (dev.weft.cli.UsageException e) {
            global.stderr().println("ERRO[0000] " + e.getMessage());
            return dev.weft.cli.Cli.USAGE_ERROR;
        }
        ConsoleLog log;
        try {
            log = ConsoleLog.open(logs, global, flags.verbose());
        } catch (java.io.IOException e) {
            global.stderr().println("ERRO[0000] --log-output: can't open " + logs.file() + ": " + e.getMessage());
            return ExitCode.INVALID_CONFIG.code();
        }
        try (ConsoleLog console = log) {
            return run(flags, console);
        }
    }

    private int run(RunFlags flags, ConsoleLog console) throws InterruptedException {
        ModuleRegistry modules = BuiltinModules.create();
        dev.weft.js.module.secrets.SecretStore secrets;
        try {
            secrets = dev.weft.js.module.secrets.SecretStore.fromFlags(flags.secretSources(), global.env(), global.cwd());
        } catch (IllegalArgumentException e) {
            console.system("error", "--secret-source: " + e.getMessage());
            return dev.weft.cli.Cli.USAGE_ERROR;
        }
        modules.add(new dev.weft.js.module.secrets.SecretsModule(secrets));
        console.redactWith(secrets);
        Clock clock = Clock.systemUTC();
        MetricRegistry registry = MetricRegistry.withBuiltins();
        try (LoadedTest test = LoadedTest.load(flags, global, console, modules, registry, clock)) {
            TestOptions options = test.options();
            ScriptInfo info = test.info();
            Instance instance = instance(options);
            List<Executor> executors = new Scenarios(Scenarios.builtinTypes(), instance).fromOptions(options);
            checkExecFunctions(executors, info);
            TestRun.Plan plan = new TestRun.Plan(executors, !options.noSetup(), !options.noTeardown(),
                    options.setupTimeout(), options.teardownTimeout(), new Tags(options.tags()), instance);
            RunFlags effective = flags.withDefaults(global.env(), test.configOutputs());
            String dashboardEnv = global.env().get("K6_WEB_DASHBOARD");
            if (test.configWebDashboard() && (dashboardEnv == null || dashboardEnv.isEmpty())
                    && effective.outputs().stream().noneMatch(o -> o.startsWith(WebDashboardOutput.NAME))) {
                // k6: the config file's "webDashboard": true, unless K6_WEB_DASHBOARD says otherwise
                effective.withOutput(WebDashboardOutput.NAME);
            }
            if (effective.summaryMode() == dev.weft.summary.SummaryMode.LEGACY) {
                console.system("warn", "The \"legacy\" summary mode has been deprecated, and will be removed by k6 v2.0. "
                        + "Please, migrate to either \"compact\" or \"full\" as soon as possible.");
            }
            MetricsSetup metrics = MetricsSetup.create(registry, options, effective, plan, global, test.env(),
                    warning -> console.system("warn", warning));
            console.streamTo(metrics.logStreams());
            return execute(test.program(), options, plan, metrics, info, test.env(), console, effective, clock);
        } catch (ScriptException e) {
            console.system("error", e.getMessage());
            return ExitCode.SCRIPT_EXCEPTION.code();
        } catch (ExecConfigException e) {
            console.system("error", e.getMessage());
            return ExitCode.INVALID_CONFIG.code();
        } catch (OptionsException | ThresholdException | SegmentException e) {
            console.system("error", "invalid options: " + e.getMessage());
            return ExitCode.INVALID_CONFIG.code();
        } catch (OutputStartException e) {
            console.system("error", e.getMessage());
            return e.exitCode();
        }
    }

    private int execute(JsProgram program, TestOptions options, TestRun.Plan plan, MetricsSetup metrics,
            ScriptInfo info, Map<String, String> env, ConsoleLog console, RunFlags flags, Clock clock)
            throws InterruptedException, OutputStartException {
        HttpEngine http = new HttpEngine(HttpModule.engineConfig(options).withProxyEnv(global.env()), clock);
        try {
            return execute(program, options, plan, metrics, info, env, console, flags, clock, http);
        } finally {
            http.close();
        }
    }

    private int execute(JsProgram program, TestOptions options, TestRun.Plan plan, MetricsSetup metrics,
            ScriptInfo info, Map<String, String> env, ConsoleLog console, RunFlags flags, Clock clock,
            HttpEngine http) throws InterruptedException, OutputStartException {
        TestServices services = new TestServices(env, options, metrics.registry(), metrics.pipeline(), http, clock,
                plan.testTags(), program.scriptDir(), console);
        JsVuFactory factory = new JsVuFactory(program, services);
        // the process exits after the summary: closing every VU's context first is wasted time
        program.contextsEndWithProcess();
        metrics.start();
        if (!flags.quiet()) {
            Header.print(global.stdout(), flags.script(), metrics.outputDescriptions(), plan);
        }
        try (JsSetupTeardown stages = new JsSetupTeardown(factory, info.exports("setup"), info.exports("teardown"))) {
            // the first request's timings should not include loading the HTTP classes: warm them while VUs init
            java.util.concurrent.CompletableFuture<Void> warm = dev.weft.http.HttpWarmUp.start(http);
            TestRun run = new TestRun(plan, factory, stages, metrics.pipeline(), clock, HeapBudget.ofThisJvm())
                    .beforeStart(warm::join);
            metrics.onOutputStop(reason -> {
                console.system("error", reason);
                run.stop(StopReason.OUTPUT);
            });
            RunResult result;
            TestRunControl control = new TestRunControl(run, plan.executors(), plan.instance().pauseGate(),
                    () -> metrics.thresholds().okByKey().values().stream()
                            .anyMatch(bySource -> bySource.containsValue(false)), java.util.Optional::empty);
            try (AutoCloseable signals = global.signals().onInterrupt(new InterruptHandler(run, console));
                    AutoCloseable api = ControlApi.start(flags.address(), flags.addressExplicit(), control, console);
                    Progress progress = Progress.start(run, plan, global, flags.quiet(), console);
                    ThresholdWatch watch = ThresholdWatch.start(metrics, run)) {
                result = run.run();
                control.ended();
            } catch (InterruptedException e) {
                throw e;
            } catch (ControlApi.Unavailable e) {
                console.system("error", e.getMessage());
                return ExitCode.CANNOT_START_REST_API.code();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (result.error() != null) {
                console.system("error", result.error());
            }
            SummaryHandler handler = info.exports("handleSummary")
                    ? data -> stages.handleSummary(data, java.time.Duration.ofMinutes(2)) : null;
            return metrics.finish(result, flags, global, console, handler);
        }
    }

    private static Instance instance(TestOptions options) {
        String segment = options.get("executionSegment").map(e -> e.getAsString()).orElse(null);
        String sequence = options.get("executionSegmentSequence").map(e -> e.getAsString()).orElse(null);
        return new Instance(ExecutionTuple.parse(segment, sequence), new PauseGate(options.bool("paused")));
    }

    /**
     * Every scenario's exec function must be exported, as k6 checks them: the missing ones are listed
     * in k6's words and the run is refused as invalid configuration (exit 104).
     */
    private static void checkExecFunctions(List<Executor> executors, ScriptInfo info) throws ExecConfigException {
        StringBuilder problems = new StringBuilder();
        for (Executor e : executors) {
            String exec = e.scenario().exec();
            if (!info.exports(exec)) {
                problems.append("\n\t- executor ").append(e.scenario().name()).append(": function '").append(exec)
                        .append("' not found in exports");
            }
        }
        if (!problems.isEmpty()) {
            throw new ExecConfigException("There were problems with the specified script configuration:" + problems);
        }
    }

    /** A scenario runs a function the script does not export (k6's configuration error, exit 104). */
    private static final class ExecConfigException extends Exception {
        ExecConfigException(String message) {
            super(message);
        }
    }

    /** First Ctrl-C stops gracefully; the second cuts iterations short. */
    private record InterruptHandler(TestRun testRun, ConsoleLog console) implements Runnable {
        @Override
        public void run() {
            if (testRun.state() != null && testRun.state().stopping()) {
                console.system("warn", "second interrupt: stopping iterations now");
                testRun.hardStop();
            } else {
                console.system("warn", "stopping the test (interrupt); press Ctrl-C again to stop at once");
                testRun.stop(StopReason.USER);
            }
        }
    }
}
