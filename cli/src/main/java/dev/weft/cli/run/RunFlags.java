package dev.weft.cli.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.weft.cli.UsageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flags of {@code weft run}, parsed. Flags that are k6 options become a JSON options layer
 * ({@link #optionsLayer()}), the top of k6's precedence order.
 */
public final class RunFlags {
    private final JsonObject options = new JsonObject();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> outputs = new ArrayList<>();
    private String script;
    private boolean quiet;
    private boolean noSummary;
    private boolean noColor;
    private boolean verbose;
    private boolean addressExplicit;
    private final List<String> secretSources = new java.util.ArrayList<>();
    private boolean noThresholds;
    private String summaryExport;
    private boolean includeSystemEnv = true;
    private String address = "localhost:6565";
    private String config;
    private String compatibilityMode;
    private String logOutput;
    private String logFormat;

    public static RunFlags parse(List<String> args) throws UsageException {
        RunFlags f = new RunFlags();
        JsonArray stages = new JsonArray();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (!a.startsWith("-") || a.equals("-")) {
                if (f.script != null) {
                    throw new UsageException("only one script can be run, got \"" + f.script + "\" and \"" + a + "\"");
                }
                f.script = a;
                continue;
            }
            int[] used = {0};
            switch (name) {
                case "-u", "--vus" -> f.options.addProperty("vus", number(name, value(args, i, value, name, used)));
                case "-d", "--duration" -> f.options.addProperty("duration", value(args, i, value, name, used));
                case "-i", "--iterations" -> f.options.addProperty("iterations", number(name, value(args, i, value, name, used)));
                case "-s", "--stage" -> {
                    // as k6's flag parser (a string slice): "4s:5,4s:0" is two stages
                    for (String part : value(args, i, value, name, used).split(",")) {
                        stages.add(stage(part.trim()));
                    }
                }
                case "-e", "--env" -> {
                    String kv = value(args, i, value, name, used);
                    int at = kv.indexOf('=');
                    if (at <= 0) {
                        throw new UsageException("flag " + name + " needs KEY=VALUE, got \"" + kv + "\"");
                    }
                    f.env.put(kv.substring(0, at), kv.substring(at + 1));
                }
                case "--tag" -> {
                    String kv = value(args, i, value, name, used);
                    int at = kv.indexOf('=');
                    if (at <= 0) {
                        throw new UsageException("flag --tag needs NAME=VALUE, got \"" + kv + "\"");
                    }
                    JsonObject tags = f.options.has("tags") ? f.options.getAsJsonObject("tags") : new JsonObject();
                    tags.addProperty(kv.substring(0, at), kv.substring(at + 1));
                    f.options.add("tags", tags);
                }
                case "-o", "--out" -> f.outputs.add(value(args, i, value, name, used));
                case "--no-setup" -> f.options.addProperty("noSetup", true);
                case "--no-teardown" -> f.options.addProperty("noTeardown", true);
                case "--no-connection-reuse" -> f.options.addProperty("noConnectionReuse", true);
                case "--no-vu-connection-reuse" -> f.options.addProperty("noVUConnectionReuse", true);
                case "--insecure-skip-tls-verify" -> f.options.addProperty("insecureSkipTLSVerify", true);
                case "--throw", "-w" -> f.options.addProperty("throw", true);
                case "--user-agent" -> f.options.addProperty("userAgent", value(args, i, value, name, used));
                case "--summary-trend-stats" -> {
                    JsonArray stats = new JsonArray();
                    for (String s : value(args, i, value, name, used).split(",")) {
                        stats.add(s.trim());
                    }
                    f.options.add("summaryTrendStats", stats);
                }
                case "--summary-time-unit" -> f.options.addProperty("summaryTimeUnit", value(args, i, value, name, used));
                case "--summary-export" -> f.summaryExport = value(args, i, value, name, used);
                case "--no-summary" -> f.noSummary = true;
                case "--no-thresholds" -> f.noThresholds = true;
                case "--no-color" -> f.noColor = true;
                case "-q", "--quiet" -> f.quiet = true;
                case "-v", "--verbose" -> f.verbose = true;
                case "--secret-source" -> f.secretSources.add(value(args, i, value, name, used));
                case "--include-system-env-vars" -> f.includeSystemEnv = !"false".equals(value);
                case "-a", "--address" -> {
                    f.address = value(args, i, value, name, used);
                    f.addressExplicit = true;
                }
                case "-p", "--paused" -> f.options.addProperty("paused", true);
                case "-c", "--config" -> f.config = value(args, i, value, name, used);
                case "--compatibility-mode" -> f.compatibilityMode = value(args, i, value, name, used);
                case "--log-output" -> f.logOutput = value(args, i, value, name, used);
                case "--log-format" -> f.logFormat = value(args, i, value, name, used);
                case "--http-debug" -> f.options.addProperty("httpDebug", value == null ? "headers" : value);
                case "--execution-segment" -> f.options.addProperty("executionSegment", value(args, i, value, name, used));
                case "--execution-segment-sequence" ->
                        f.options.addProperty("executionSegmentSequence", value(args, i, value, name, used));
                default -> throw new UsageException("unknown flag: " + name);
            }
            i += used[0];
        }
        if (!stages.isEmpty()) {
            f.options.add("stages", stages);
        }
        if (f.script == null) {
            throw new UsageException("weft run needs a script: weft run [flags] script.js");
        }
        if (f.options.has("httpDebug")) {
            String d = f.options.get("httpDebug").getAsString();
            if (!d.equals("headers") && !d.equals("full")) {
                throw new UsageException("invalid --http-debug value \"" + d + "\": use --http-debug or --http-debug=full");
            }
        }
        return f;
    }

    /** The flag's value: after '=' in the same argument, else the next argument (then {@code used[0]} is 1). */
    private static String value(List<String> args, int i, String inline, String name, int[] used)
            throws UsageException {
        if (inline != null) {
            return inline;
        }
        if (i + 1 >= args.size()) {
            throw new UsageException("flag needs an argument: " + name);
        }
        used[0] = 1;
        return args.get(i + 1);
    }

    private static long number(String name, String v) throws UsageException {
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("invalid argument \"" + v + "\" for \"" + name + "\": not a whole number");
        }
    }

    private static JsonObject stage(String text) throws UsageException {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new UsageException("invalid --stage \"" + text + "\": use DURATION:TARGET, e.g. 30s:10");
        }
        JsonObject s = new JsonObject();
        s.addProperty("duration", text.substring(0, colon));
        s.addProperty("target", number("--stage", text.substring(colon + 1)));
        return s;
    }

    public String script() {
        return script;
    }

    /**
     * These flags with k6's environment fallbacks for run settings that are not options
     * (K6_NO_THRESHOLDS, K6_NO_SUMMARY, K6_SUMMARY_EXPORT, K6_OUT, K6_NO_COLOR / NO_COLOR) and the
     * config file's outputs when neither flags nor K6_OUT name any. Flags win.
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
        return noSummary;
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

    public boolean noThresholds() {
        return noThresholds;
    }

    public String summaryExport() {
        return summaryExport;
    }

    /** True when --address was given: then, as in k6, a control API that can't start ends the run (106). */
    public boolean addressExplicit() {
        return addressExplicit;
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
