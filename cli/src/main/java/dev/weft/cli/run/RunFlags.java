package dev.weft.cli.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.weft.cli.UsageException;
import dev.weft.cli.dashboard.DashboardSettings;
import dev.weft.cli.dashboard.WebDashboardOutput;
import dev.weft.options.OptionsException;
import dev.weft.summary.SummaryMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The flags of {@code weft run} (and of {@code inspect}, {@code archive}, which read a test the
 * same way), declared for picocli with k6's names, short forms and help texts. Flags that are k6
 * options become a JSON options layer ({@link #optionsLayer()}), the top of k6's precedence
 * order. Filled by picocli on the main thread, read-only after {@link #withDefaults}.
 */
public final class RunFlags {
    private final JsonObject options = new JsonObject();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> outputs = new ArrayList<>();
    private final JsonArray stages = new JsonArray();

    @Parameters(index = "0", arity = "1", paramLabel = "SCRIPT",
            description = "the test: a k6 script (.js, .ts), an archive (.tar) or - for standard input")
    private String script;
    @Option(names = {"-q", "--quiet"}, description = "no progress updates")
    private boolean quiet;
    @Option(names = "--no-summary", description = "no end-of-test summary (same as --summary-mode=disabled)")
    private boolean noSummary;
    @Option(names = "--no-color", description = "no colours in the output")
    private boolean noColor;
    @Option(names = "--no-thresholds", description = "don't run thresholds")
    private boolean noThresholds;
    @Option(names = "--summary-export", paramLabel = "FILE", description = "write the end-of-test summary as JSON to FILE")
    private String summaryExport;
    private SummaryMode summaryMode;
    private boolean includeSystemEnv = true;
    private String address = "localhost:6565";
    private boolean addressExplicit;
    @Option(names = {"-v", "--verbose"}, description = "print console.debug lines too")
    private boolean verbose;
    @Option(names = "--secret-source", paramLabel = "TYPE=CONFIG",
            description = "where k6/secrets reads secrets: file=PATH or env[=prefix=P] (repeatable)")
    private List<String> secretSources = new ArrayList<>();
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "a k6 JSON config file")
    private String config;
    @Option(names = "--compatibility-mode", paramLabel = "MODE", description = "extended (default) or base")
    private String compatibilityMode;
    @Option(names = "--log-output", paramLabel = "WHERE", description = "stderr (default), stdout, none or file=PATH")
    private String logOutput;
    @Option(names = "--log-format", paramLabel = "FORMAT", description = "json or raw")
    private String logFormat;

    @Option(names = {"-u", "--vus"}, paramLabel = "N", description = "number of virtual users")
    void vus(String n) {
        options.addProperty("vus", number("--vus", n));
    }

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", description = "test duration, e.g. 30s, 1m30s")
    void duration(String d) {
        options.addProperty("duration", d);
    }

    @Option(names = {"-i", "--iterations"}, paramLabel = "N", description = "iterations shared among the VUs")
    void iterations(String n) {
        options.addProperty("iterations", number("--iterations", n));
    }

    @Option(names = {"-s", "--stage"}, paramLabel = "DURATION:TARGET",
            description = "a ramping stage, e.g. 30s:10 (repeatable, or comma-separated: 4s:5,4s:0)")
    void stage(String text) {
        // as k6's flag parser (a string slice): "4s:5,4s:0" is two stages
        for (String part : text.split(",")) {
            stages.add(stageJson(part.trim()));
        }
    }

    @Option(names = {"-a", "--address"}, paramLabel = "HOST:PORT",
            description = "where the REST control API listens (default localhost:6565; \"\" turns it off)")
    void address(String a) {
        address = a;
        addressExplicit = true;
    }

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "an __ENV variable (repeatable)")
    void env(String kv) {
        int at = kv.indexOf('=');
        if (at <= 0) {
            throw bad("flag -e needs KEY=VALUE, got \"" + kv + "\"");
        }
        env.put(kv.substring(0, at), kv.substring(at + 1));
    }

    @Option(names = "--tag", paramLabel = "NAME=VALUE", description = "a tag on every sample (repeatable)")
    void tag(String kv) {
        int at = kv.indexOf('=');
        if (at <= 0) {
            throw bad("flag --tag needs NAME=VALUE, got \"" + kv + "\"");
        }
        JsonObject tags = options.has("tags") ? options.getAsJsonObject("tags") : new JsonObject();
        tags.addProperty(kv.substring(0, at), kv.substring(at + 1));
        options.add("tags", tags);
    }

    @Option(names = {"-o", "--out"}, paramLabel = "OUTPUT",
            description = "json=FILE, csv=FILE, cloud, statsd, influxdb=URL, xk6-influxdb[=URL], "
                    + "experimental-prometheus-rw or experimental-opentelemetry (repeatable; settings from K6_*)")
    void out(String o) {
        outputs.add(o);
    }

    @Option(names = "--no-setup", description = "don't run setup()")
    void noSetup(boolean b) {
        options.addProperty("noSetup", true);
    }

    @Option(names = "--no-teardown", description = "don't run teardown()")
    void noTeardown(boolean b) {
        options.addProperty("noTeardown", true);
    }

    @Option(names = "--no-connection-reuse", description = "a new connection for every request")
    void noConnectionReuse(boolean b) {
        options.addProperty("noConnectionReuse", true);
    }

    @Option(names = "--no-vu-connection-reuse", description = "new connections for every iteration")
    void noVuConnectionReuse(boolean b) {
        options.addProperty("noVUConnectionReuse", true);
    }

    @Option(names = "--insecure-skip-tls-verify", description = "don't verify TLS certificates")
    void insecure(boolean b) {
        options.addProperty("insecureSkipTLSVerify", true);
    }

    @Option(names = {"-w", "--throw"}, description = "throw on failed HTTP requests")
    void throwErrors(boolean b) {
        options.addProperty("throw", true);
    }

    @Option(names = "--user-agent", paramLabel = "UA", description = "the User-Agent header")
    void userAgent(String ua) {
        options.addProperty("userAgent", ua);
    }

    @Option(names = "--summary-trend-stats", paramLabel = "STATS",
            description = "trend columns in the summary, e.g. avg,p(95),p(99.9)")
    void summaryTrendStats(String text) {
        JsonArray stats = new JsonArray();
        for (String s : text.split(",")) {
            stats.add(s.trim());
        }
        options.add("summaryTrendStats", stats);
    }

    @Option(names = "--summary-time-unit", paramLabel = "UNIT", description = "s, ms or us for every time value")
    void summaryTimeUnit(String unit) {
        options.addProperty("summaryTimeUnit", unit);
    }

    @Option(names = "--summary-mode", paramLabel = "MODE", description = "compact (default), full, legacy or disabled")
    void summaryMode(String mode) {
        try {
            summaryMode = SummaryMode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw bad("--summary-mode: " + e.getMessage());
        }
    }

    @Option(names = "--include-system-env-vars", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "pass the process environment to __ENV (default true)")
    void includeSystemEnv(String value) {
        includeSystemEnv = !"false".equals(value);
    }

    @Option(names = {"-p", "--paused"}, description = "start the test paused")
    void paused(boolean b) {
        options.addProperty("paused", true);
    }

    @Option(names = "--http-debug", arity = "0..1", fallbackValue = "headers", paramLabel = "full",
            description = "log requests and responses (headers; =full adds bodies)")
    void httpDebug(String mode) {
        if (!mode.equals("headers") && !mode.equals("full")) {
            throw bad("invalid --http-debug value \"" + mode + "\": use --http-debug or --http-debug=full");
        }
        options.addProperty("httpDebug", mode);
    }

    @Option(names = "--execution-segment", paramLabel = "SEGMENT", description = "this instance's share, e.g. 0:1/2")
    void executionSegment(String s) {
        options.addProperty("executionSegment", s);
    }

    @Option(names = "--execution-segment-sequence", paramLabel = "SEQUENCE",
            description = "every instance's segment boundaries, e.g. 0,1/3,2/3,1")
    void executionSegmentSequence(String s) {
        options.addProperty("executionSegmentSequence", s);
    }

    /**
     * Parses {@code weft run}'s arguments outside the command tree ({@code inspect},
     * {@code archive}, {@code quickstart}).
     *
     * @throws UsageException with a one-line message naming the bad flag or value
     */
    public static RunFlags parse(List<String> args) throws UsageException {
        RunFlags f = new RunFlags();
        try {
            new CommandLine(f).setOverwrittenOptionsAllowed(true).parseArgs(withOptionalValuesInline(args).toArray(String[]::new));
        } catch (CommandLine.UnmatchedArgumentException e) {
            throw new UsageException(unknown(e));
        } catch (CommandLine.ParameterException e) {
            throw new UsageException(oneLine(e));
        }
        return f.finishParsing();
    }

    /**
     * k6's flags whose value is optional ({@code --http-debug[=full]},
     * {@code --include-system-env-vars[=false]}) take it only after '=' (cobra's rule), so a bare
     * one never swallows the script name: a bare flag becomes its default with '='.
     */
    public static List<String> withOptionalValuesInline(List<String> args) {
        return args.stream().map(a -> switch (a) {
            case "--http-debug" -> "--http-debug=headers";
            case "--include-system-env-vars" -> "--include-system-env-vars=true";
            default -> a;
        }).toList();
    }

    /**
     * What is left to do after picocli filled the fields (the stages become one option);
     * returns this.
     */
    public RunFlags finishParsing() {
        if (!stages.isEmpty()) {
            options.add("stages", stages.deepCopy());
        }
        return this;
    }

    /** k6's "unknown flag: --x" for the first unknown flag, or the surplus argument. */
    public static String unknown(CommandLine.UnmatchedArgumentException e) {
        List<String> unmatched = e.getUnmatched();
        String first = unmatched.isEmpty() ? "" : unmatched.get(0);
        if (!first.startsWith("-")) {
            return "only one script can be run, got extra argument \"" + first + "\"";
        }
        String name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
        List<String> suggestions = e.getSuggestions();
        return "unknown flag: " + name + (suggestions.isEmpty() ? "" : " (did you mean " + suggestions.get(0) + "?)");
    }

    /** picocli's message on one line, with a value error thrown by a flag's setter unwrapped. */
    public static String oneLine(CommandLine.ParameterException e) {
        Throwable cause = e.getCause();
        String message = cause instanceof IllegalArgumentException && cause.getMessage() != null
                ? cause.getMessage() : e.getMessage();
        if (message.startsWith("Missing required parameter: 'SCRIPT'")) {
            message = "weft run needs a script: weft run [flags] script.js";
        }
        return message.replace('\n', ' ').trim();
    }

    private static long number(String name, String v) {
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad("invalid argument \"" + v + "\" for \"" + name + "\": not a whole number");
        }
    }

    private static JsonObject stageJson(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw bad("invalid --stage \"" + text + "\": use DURATION:TARGET, e.g. 30s:10");
        }
        JsonObject s = new JsonObject();
        s.addProperty("duration", text.substring(0, colon));
        s.addProperty("target", number("--stage", text.substring(colon + 1)));
        return s;
    }

    private static IllegalArgumentException bad(String message) {
        return new IllegalArgumentException(message);
    }

    /** These flags with one more {@code --out}. */
    public RunFlags withOutput(String output) {
        outputs.add(output);
        return this;
    }

    public String script() {
        return script;
    }

    /**
     * These flags with k6's environment fallbacks for run settings that are not options
     * (K6_NO_THRESHOLDS, K6_NO_SUMMARY, K6_SUMMARY_MODE, K6_SUMMARY_EXPORT, K6_OUT, K6_NO_COLOR /
     * NO_COLOR, K6_WEB_DASHBOARD) and the config file's outputs when neither flags nor K6_OUT name any. Flags win.
     *
     * @throws OptionsException when K6_SUMMARY_MODE names no summary mode, or K6_WEB_DASHBOARD is no boolean
     */
    public RunFlags withDefaults(Map<String, String> processEnv, List<String> configOutputs) {
        RunFlags f = new RunFlags();
        f.options.asMap().putAll(options.deepCopy().asMap());
        f.env.putAll(env);
        f.script = script;
        f.quiet = quiet;
        f.includeSystemEnv = includeSystemEnv;
        f.address = address;
        f.addressExplicit = addressExplicit;
        f.secretSources.addAll(secretSources);
        f.verbose = verbose;
        f.config = config;
        f.compatibilityMode = compatibilityMode;
        f.logOutput = logOutput;
        f.logFormat = logFormat;
        f.noSummary = noSummary || truthy(processEnv.get("K6_NO_SUMMARY"));
        f.noThresholds = noThresholds || truthy(processEnv.get("K6_NO_THRESHOLDS"));
        f.noColor = noColor || processEnv.containsKey("NO_COLOR") || truthy(processEnv.get("K6_NO_COLOR"));
        try {
            f.summaryMode = summaryMode != null ? summaryMode : SummaryMode.parse(processEnv.get("K6_SUMMARY_MODE"));
        } catch (IllegalArgumentException e) {
            throw new OptionsException("K6_SUMMARY_MODE: " + e.getMessage());
        }
        f.summaryExport = summaryExport != null ? summaryExport : blankToNull(processEnv.get("K6_SUMMARY_EXPORT"));
        f.outputs.addAll(outputs);
        String k6Out = blankToNull(processEnv.get("K6_OUT"));
        if (f.outputs.isEmpty() && k6Out != null) {
            for (String o : k6Out.split(",")) {
                f.outputs.add(o.trim());
            }
        }
        if (f.outputs.isEmpty()) {
            f.outputs.addAll(configOutputs);
        }
        if (DashboardSettings.enabled(processEnv) && f.outputs.stream()
                .noneMatch(o -> o.equals(WebDashboardOutput.NAME) || o.startsWith(WebDashboardOutput.NAME + "="))) {
            // k6: K6_WEB_DASHBOARD=true adds the web-dashboard output after the others
            f.outputs.add(WebDashboardOutput.NAME);
        }
        return f;
    }

    private static boolean truthy(String v) {
        return v != null && (v.trim().equalsIgnoreCase("true") || v.trim().equals("1"));
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }

    public JsonObject optionsLayer() {
        return options.deepCopy();
    }

    public Map<String, String> env() {
        return env;
    }

    public List<String> outputs() {
        return outputs;
    }

    public boolean quiet() {
        return quiet;
    }

    public boolean noSummary() {
        return noSummary || summaryMode == SummaryMode.DISABLED;
    }

    /**
     * k6 v1's {@code --summary-mode} (or {@code K6_SUMMARY_MODE}), {@link SummaryMode#DISABLED}
     * under {@code --no-summary}; compact when neither is given.
     */
    public SummaryMode summaryMode() {
        if (noSummary) {
            return SummaryMode.DISABLED;
        }
        return summaryMode == null ? SummaryMode.COMPACT : summaryMode;
    }

    public boolean noColor() {
        return noColor;
    }

    /** k6's --secret-source lines (TYPE=CONFIG), in order. */
    public List<String> secretSources() {
        return List.copyOf(secretSources);
    }

    /** k6's -v/--verbose: console.debug lines are printed only with it. */
    public boolean verbose() {
        return verbose;
    }

    /** True when --address was given: then, as in k6, a control API that can't start ends the run (106). */
    public boolean addressExplicit() {
        return addressExplicit;
    }

    public boolean noThresholds() {
        return noThresholds;
    }

    public String summaryExport() {
        return summaryExport;
    }

    /** Where the REST control API listens (k6's --address); "" turns it off. */
    public String address() {
        return address;
    }

    /** k6's --config file (JSON options), or null. */
    public String config() {
        return config;
    }

    /** k6's --compatibility-mode as given, or null. */
    public String compatibilityMode() {
        return compatibilityMode;
    }

    /** k6's --log-output as given, or null. */
    public String logOutput() {
        return logOutput;
    }

    /** k6's --log-format as given, or null. */
    public String logFormat() {
        return logFormat;
    }

    public boolean includeSystemEnv() {
        return includeSystemEnv;
    }
}
