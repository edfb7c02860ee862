package dev.weft.cli.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.weft.cli.GlobalEnv;
import dev.weft.cli.dashboard.DashboardPortInUse;
import dev.weft.cli.dashboard.WebDashboardOutput;
import dev.weft.cli.dashboard.WebDashboardOutputFactory;
import dev.weft.lifecycle.ExitCode;
import dev.weft.lifecycle.RunResult;
import dev.weft.lifecycle.TestRun;
import dev.weft.metrics.MetricAggregates;
import dev.weft.metrics.MetricRegistry;
import dev.weft.options.TestOptions;
import dev.weft.output.Output;
import dev.weft.output.OutputFactory;
import dev.weft.output.OutputParams;
import dev.weft.output.RunStatus;
import dev.weft.output.WithLogLines;
import dev.weft.output.WithTestRunStop;
import dev.weft.output.cloud.CloudOutput;
import dev.weft.output.cloud.CloudOutputFactory;
import dev.weft.output.csv.CsvOutputFactory;
import dev.weft.output.influxdb.InfluxOutputFactory;
import dev.weft.output.json.JsonOutputFactory;
import dev.weft.output.opentelemetry.OtelOutputFactory;
import dev.weft.output.prometheus.PrometheusRwOutputFactory;
import dev.weft.output.statsd.StatsdOutputFactory;
import dev.weft.pipeline.SamplePipeline;
import dev.weft.pipeline.TimeSeriesLimit;
import dev.weft.summary.GroupTree;
import dev.weft.summary.ScopedResults;
import dev.weft.summary.SummaryMode;
import dev.weft.summary.SummaryReport;
import dev.weft.summary.SummaryData;
import dev.weft.summary.SummaryExport;
import dev.weft.summary.SummaryOptions;
import dev.weft.summary.TextSummary;
import dev.weft.summary.V1TextSummary;
import dev.weft.threshold.ThresholdConfig;
import dev.weft.threshold.ThresholdEngine;
import dev.weft.threshold.ThresholdResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The run's metrics side: registry, aggregates, group tree, thresholds, outputs and the sample
 * pipeline that feeds them; at the end, the summary and the exit code. Used by {@link RunCommand}
 * on the main thread; the pipeline has its own flusher thread.
 */
final class MetricsSetup {
    private static final Map<String, OutputFactory> FACTORIES = factories(new JsonOutputFactory(),
            new CsvOutputFactory(), new CloudOutputFactory(), new StatsdOutputFactory(), InfluxOutputFactory.v1(), InfluxOutputFactory.v2(),
            new PrometheusRwOutputFactory(), OtelOutputFactory.experimental(), OtelOutputFactory.plain(),
            new WebDashboardOutputFactory());

    private static Map<String, OutputFactory> factories(OutputFactory... all) {
        Map<String, OutputFactory> byName = new LinkedHashMap<>();
        for (OutputFactory f : all) {
            byName.put(f.name(), f);
        }
        return Map.copyOf(byName);
    }

    private final MetricRegistry registry;
    private final MetricAggregates aggregates;
    private final GroupTree groups;
    private final ScopedResults scoped;
    private final ThresholdEngine thresholds;
    private final List<Output> outputs;
    private final SamplePipeline pipeline;
    private final SummaryOptions summaryOptions;

    private MetricsSetup(MetricRegistry registry, MetricAggregates aggregates, GroupTree groups, ScopedResults scoped,
            ThresholdEngine thresholds, List<Output> outputs, SamplePipeline pipeline, SummaryOptions summaryOptions) {
        this.registry = registry;
        this.aggregates = aggregates;
        this.groups = groups;
        this.scoped = scoped;
        this.thresholds = thresholds;
        this.outputs = outputs;
        this.pipeline = pipeline;
        this.summaryOptions = summaryOptions;
    }

    static MetricsSetup create(MetricRegistry registry, TestOptions options, RunFlags flags, TestRun.Plan plan,
            GlobalEnv global, Map<String, String> env, Consumer<String> warn) throws OutputStartException {
        MetricAggregates aggregates = new MetricAggregates();
        aggregates.addDefaultSubmetrics();
        GroupTree groups = new GroupTree();
        ScopedResults scoped = new ScopedResults(flags.summaryMode() == SummaryMode.FULL);
        JsonObject thresholdJson = flags.noThresholds() ? new JsonObject() : options.thresholds().orElse(new JsonObject());
        ThresholdEngine thresholds = ThresholdEngine.create(ThresholdConfig.fromJson(thresholdJson), registry, aggregates);
        List<Output> outputs = new ArrayList<>();
        for (String spec : flags.outputs()) {
            outputs.add(output(spec, options, plan, global, env, thresholds, flags.script()));
        }
        SamplePipeline pipeline = SamplePipeline.builder()
                .ingester(aggregates::ingest).ingester(groups::ingest).ingester(scoped::ingest)
                .ingester(new TimeSeriesLimit(warn)).outputs(outputs).build();
        List<String> stats = new ArrayList<>();
        options.get("summaryTrendStats").filter(JsonElement::isJsonArray)
                .ifPresentOrElse(a -> a.getAsJsonArray().forEach(e -> stats.add(e.getAsString())),
                        () -> stats.addAll(SummaryOptions.DEFAULT_TREND_STATS));
        String unit = options.get("summaryTimeUnit").map(JsonElement::getAsString).orElse("");
        SummaryOptions summary = new SummaryOptions(stats, unit, flags.noColor(), global.stdoutTty(), false);
        try {
            summary.validate();
        } catch (IllegalArgumentException e) {
            throw new dev.weft.options.OptionsException(e.getMessage());
        }
        return new MetricsSetup(registry, aggregates, groups, scoped, thresholds, outputs, pipeline, summary);
    }

    private static Output output(String spec, TestOptions options, TestRun.Plan plan, GlobalEnv global,
            Map<String, String> env, ThresholdEngine thresholds, String script) throws OutputStartException {
        int eq = spec.indexOf('=');
        String name = eq < 0 ? spec : spec.substring(0, eq);
        String arg = eq < 0 ? "" : spec.substring(eq + 1);
        OutputFactory factory = FACTORIES.get(name);
        if (factory == null) {
            throw new OutputStartException("--out " + spec + ": unknown output \"" + name
                    + "\" (known: " + String.join(", ", new java.util.TreeSet<>(FACTORIES.keySet())) + ")", null);
        }
        try {
            return factory.create(new OutputParams(arg, global.cwd(), script, env, plan.maxVus(), plan.maxDuration(),
                    thresholds.sourcesByKey(), global.stdout(), options.raw()));
        } catch (Exception e) {
            throw new OutputStartException("--out " + spec + ": " + e.getMessage(), e);
        }
    }

    MetricRegistry registry() {
        return registry;
    }

    SamplePipeline pipeline() {
        return pipeline;
    }

    ThresholdEngine thresholds() {
        return thresholds;
    }

    void start() throws OutputStartException {
        try {
            pipeline.start();
        } catch (DashboardPortInUse e) {
            // as k6: the one line of the listen error, exit code 255
            throw new OutputStartException(e.getMessage(), e, ExitCode.UNCLASSIFIED.code());
        } catch (Exception e) {
            throw new OutputStartException("an output failed to start: " + e.getMessage(), e);
        }
    }

    /** Lets outputs that can end the run ({@link WithTestRunStop}) do so through {@code stop}. */
    void onOutputStop(Consumer<String> stop) {
        outputs.stream().filter(o -> o instanceof WithTestRunStop)
                .forEach(o -> ((WithTestRunStop) o).setTestRunStopCallback(stop));
    }

    /** The outputs that take the run's log lines. */
    List<WithLogLines> logStreams() {
        return outputs.stream().filter(o -> o instanceof WithLogLines).map(o -> (WithLogLines) o).toList();
    }

    List<String> outputDescriptions() {
        return outputs.stream().map(Output::description).toList();
    }

    /** Ends the pipeline, prints the summary, and decides the exit code. */
    int finish(RunResult result, RunFlags flags, GlobalEnv global, ConsoleLog console, SummaryHandler handler) {
        pipeline.flush();
        ThresholdResult verdict = thresholds.evaluateFinal(result.duration());
        Map<String, Map<String, Boolean>> failedByKey = new LinkedHashMap<>();
        thresholds.okByKey().forEach((key, bySource) -> {
            Map<String, Boolean> failed = new LinkedHashMap<>();
            bySource.forEach((src, ok) -> failed.put(src, !ok));
            failedByKey.put(key, failed);
        });
        for (Output o : outputs) {
            if (o instanceof CloudOutput c) {
                c.setTestEnd(failedByKey, result.duration());
            } else if (o instanceof WebDashboardOutput d) {
                d.setTestEnd(failedByKey, result.duration());
            }
        }
        // the lines logged until now reach the outputs that stream them before those stop
        console.awaitWritten(2000);
        pipeline.close(status(result));
        for (Exception e : pipeline.outputErrors()) {
            console.system("error", "output error: " + e.getMessage());
        }
        if (pipeline.droppedSamples() > 0) {
            console.system("warn", pipeline.droppedSamples() + " metric samples were dropped: the pipeline was "
                    + "overloaded; the summary and outputs miss them");
        }
        JsonObject data = SummaryData.build(aggregates, groups, thresholds, summaryOptions, result.duration(), null);
        SummaryMode mode = flags.summaryMode();
        boolean colors = !flags.noColor() && global.stdoutTty();
        Supplier<String> text = () -> mode == SummaryMode.LEGACY
                ? TextSummary.render(data, " ", colors)
                : V1TextSummary.render(SummaryReport.build(mode, aggregates, scoped, thresholds, summaryOptions,
                        result.duration()), summaryOptions, colors);
        if (handler != null) {
            new SummaryWriter(global, console).write(handler, data, text);
            console.close();
        } else {
            console.close();
            if (mode != SummaryMode.DISABLED) {
                global.stdout().print("\n" + text.get() + "\n\n");
            }
        }
        global.stdout().flush();
        if (flags.summaryExport() != null) {
            try {
                Files.writeString(global.cwd().resolve(flags.summaryExport()), SummaryExport.toJsonText(data),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                global.stderr().println("ERRO --summary-export " + flags.summaryExport() + ": " + e.getMessage());
            }
        }
        if (result.stopReason() == dev.weft.lifecycle.StopReason.THRESHOLD && !verdict.allPassed()) {
            global.stderr().println("ERRO thresholds on metrics '" + String.join("', '", verdict.breachedKeys())
                    + "' were crossed; at least one has abortOnFail enabled, stopping test prematurely");
        }
        if (result.failure() != null) {
            return result.failure().code();
        }
        if (!verdict.allPassed()) {
            global.stderr().println("ERRO thresholds on metrics '" + String.join("', '", verdict.breachedKeys())
                    + "' have been crossed");
            return ExitCode.THRESHOLDS_FAILED.code();
        }
        return ExitCode.OK.code();
    }

    private static RunStatus status(RunResult result) {
        if (result.stopReason() == null) {
            return result.failure() == null ? RunStatus.FINISHED : RunStatus.ABORTED_SCRIPT_ERROR;
        }
        return switch (result.stopReason()) {
            case USER -> RunStatus.ABORTED_USER;
            case THRESHOLD -> RunStatus.ABORTED_THRESHOLD;
            case SCRIPT -> RunStatus.ABORTED_SCRIPT_ERROR;
            case OUTPUT -> RunStatus.ABORTED_SYSTEM;
        };
    }
}
