package dev.weft.cli.dashboard;

import dev.weft.cloud.local.LocalDashboard;
import dev.weft.metrics.Sample;
import dev.weft.output.LogLine;
import dev.weft.output.Output;
import dev.weft.output.OutputParams;
import dev.weft.output.RunStatus;
import dev.weft.output.WithLogLines;
import dev.weft.output.WithRunStatus;
import dev.weft.output.WithTestRunStop;
import dev.weft.output.cloud.CloudConfig;
import dev.weft.output.cloud.CloudOutput;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * k6's {@code web-dashboard} output: at start it runs the results service in this process
 * ({@link LocalDashboard}: in memory, loopback, no login) and streams the run into it with the
 * ordinary {@link CloudOutput} over loopback, so the browser gets the service's own run page
 * and API. At stop the cloud output delivers the rest and finishes the run, the HTML report is
 * written when K6_WEB_DASHBOARD_EXPORT asks for it, and the service stops: as in k6, before the
 * end-of-test summary is printed.
 *
 * <p>Like k6: the header shows {@code web dashboard: http://127.0.0.1:5665}; a busy default port
 * is a warning and the run goes on without a page (the report is still written); a busy port
 * that was asked for ends the run with one line naming host:port (exit code 255).
 *
 * <p>The sample pipeline calls it as any output (start/stop on the CLI thread, samples on its
 * consumer thread); the CLI's log writer thread passes log lines.
 */
public final class WebDashboardOutput implements Output, WithRunStatus, WithTestRunStop, WithLogLines {
    /** The output's name, and the prefix of its description the run header looks for. */
    public static final String NAME = "web-dashboard";

    private final DashboardSettings settings;
    private final OutputParams params;
    private final ByteArrayOutputStream innerOut = new ByteArrayOutputStream();
    private LocalDashboard dashboard;
    private volatile CloudOutput cloud;
    private String url;
    private volatile Consumer<String> testRunStop;
    private volatile RunStatus status;
    private volatile Map<String, Map<String, Boolean>> thresholdResults;
    private volatile java.time.Duration testDuration;
    /** Lines logged before start (the cloud output is made at start), handed over then, in order; bounded. */
    private final ArrayDeque<LogLine> early = new ArrayDeque<>();
    private final ReentrantLock handover = new ReentrantLock();
    private long earlyDropped;
    private static final int EARLY_LINES = 1000;

    public WebDashboardOutput(DashboardSettings settings, OutputParams params) {
        this.settings = settings;
        this.params = params;
    }

    @Override
    public String description() {
        return url == null ? NAME : NAME + " " + url;
    }

    /** Where the page is served, once started (null when it is not served). */
    public String url() {
        return url;
    }

    @Override
    public void start() throws Exception {
        dashboard = startService();
        String reference;
        try {
            // the script's options.cloud (name, projectID) name the run as with --out cloud
            Map<String, String> env = cloudEnv();
            CloudOutput inner = new CloudOutput(CloudConfig.resolve(env, params.options(), null), new OutputParams("",
                    params.workingDir(), params.scriptPath(), env, params.maxVus(), params.maxDuration(),
                    params.thresholds(), new PrintStream(innerOut, true, StandardCharsets.UTF_8), params.options()),
                    Clock.systemUTC());
            if (testRunStop != null) {
                inner.setTestRunStopCallback(testRunStop);
            }
            handOver(inner);
            inner.start();
            reference = inner.referenceId();
        } catch (Exception e) {
            dashboard.close();
            throw e;
        }
        if (url != null && settings.open()) {
            BrowserOpener.open(url + "/runs/" + reference);
        }
    }

    private LocalDashboard startService() throws Exception {
        String host = settings.host();
        int port = settings.serves() ? settings.port() : 0;
        try {
            LocalDashboard d = LocalDashboard.start(host, port, settings.period());
            url = settings.serves() ? settings.url(d.port()) : null;
            return d;
        } catch (BindException e) {
            if (settings.port() != DashboardSettings.DEFAULT_PORT) {
                throw new DashboardPortInUse("web dashboard: " + e.getMessage()
                        + " (set K6_WEB_DASHBOARD_PORT to a free port, or 0 for any)", e);
            }
            // k6: a busy default port is a warning, and the run goes on without the page
            Logger.warn("web dashboard: {}; the run goes on without the dashboard page{}", e.getMessage(),
                    settings.export() == null ? "" : " (the report is still written)");
            url = null;
            return LocalDashboard.start(host, 0, settings.period());
        }
    }

    /** The user's environment for the inner cloud output, its service settings replaced by the dashboard's. */
    private Map<String, String> cloudEnv() {
        Map<String, String> env = new HashMap<>();
        if (params.env() != null) {
            params.env().forEach((k, v) -> {
                if (!k.startsWith("K6_CLOUD_") && !k.startsWith("WEFT_CLOUD_") || k.equals("K6_CLOUD_NAME")
                        || k.equals("K6_CLOUD_PROJECT_ID")) {
                    env.put(k, v);
                }
            });
        }
        env.put("K6_CLOUD_HOST", dashboard.url());
        env.put("K6_CLOUD_TOKEN", dashboard.ingestToken());
        env.put("K6_CLOUD_METRIC_PUSH_INTERVAL", "1s");
        env.put("WEFT_CLOUD_MAX_BACKOFF", "1s");
        return env;
    }

    @Override
    public void addMetricSamples(List<Sample> samples) {
        CloudOutput c = cloud;
        if (c != null) {
            c.addMetricSamples(samples);
        }
    }

    /** From now on lines go to {@code inner}, after those logged before it existed. */
    private void handOver(CloudOutput inner) {
        handover.lock();
        try {
            early.forEach(inner::addLogLine);
            early.clear();
            if (earlyDropped > 0) {
                inner.addLogLine(new LogLine(System.currentTimeMillis(), "warn", earlyDropped + " log lines before "
                        + "the start were dropped: more than " + EARLY_LINES + " came before the dashboard started",
                        LogLine.Origin.RUNNER));
            }
            cloud = inner;
        } finally {
            handover.unlock();
        }
    }

    @Override
    public void addLogLine(LogLine line) {
        CloudOutput c = cloud;
        if (c != null) {
            c.addLogLine(line);
            return;
        }
        handover.lock();
        try {
            if (cloud != null) {
                cloud.addLogLine(line);
            } else if (early.size() < EARLY_LINES) {
                early.add(line);
            } else {
                earlyDropped++;
            }
        } finally {
            handover.unlock();
        }
    }

    @Override
    public void setRunStatus(RunStatus status) {
        this.status = status;
    }

    @Override
    public void setTestRunStopCallback(Consumer<String> stop) {
        this.testRunStop = stop;
    }

    /** Threshold verdicts and the test's duration, passed on to the cloud output ({@link CloudOutput#setTestEnd}). */
    public void setTestEnd(Map<String, Map<String, Boolean>> results, java.time.Duration duration) {
        this.thresholdResults = results;
        this.testDuration = duration;
    }

    @Override
    public void stop() throws Exception {
        if (dashboard == null) {
            return;
        }
        try {
            CloudOutput c = cloud;
            if (c != null) {
                if (status != null) {
                    c.setRunStatus(status);
                }
                if (thresholdResults != null || testDuration != null) {
                    c.setTestEnd(thresholdResults, testDuration);
                }
                c.stop();
                reportLosses(c);
                if (settings.export() != null) {
                    export(c.referenceId());
                }
            }
        } finally {
            dashboard.close();
        }
    }

    /** The inner output's end lines only when something was lost: nothing is dropped silently. */
    private void reportLosses(CloudOutput c) {
        if (c.stats().totalDroppedSamples() == 0 && c.logsDropped() == 0) {
            return;
        }
        String lines = innerOut.toString(StandardCharsets.UTF_8);
        for (String line : lines.split("\\R")) {
            if (line.startsWith("cloud: ") && params.stdout() != null) {
                params.stdout().println("web dashboard: " + line.substring("cloud: ".length()));
            }
        }
    }

    private void export(String referenceId) throws Exception {
        Path file = params.workingDir() == null ? Path.of(settings.export())
                : params.workingDir().resolve(settings.export());
        dashboard.writeReport(Long.parseLong(referenceId), file);
    }
}
