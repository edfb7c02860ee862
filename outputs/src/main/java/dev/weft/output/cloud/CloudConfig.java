package dev.weft.output.cloud;

import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.CreateTestRunResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The cloud output's settings: environment ({@code K6_CLOUD_*}, as k6 names them) beats the
 * file {@code login cloud} writes, which beats defaults. A value; thread-safe.
 *
 * @param host               service base URL (K6_CLOUD_HOST)
 * @param token              API token (K6_CLOUD_TOKEN), or null when not logged in
 * @param name               test run name (K6_CLOUD_NAME), or null for the script's file name
 * @param projectId          K6_CLOUD_PROJECT_ID, or null
 * @param pushInterval       how often batches are sent (K6_CLOUD_METRIC_PUSH_INTERVAL, 1s)
 * @param requestTimeout     timeout of one request (K6_CLOUD_TIMEOUT, 60s)
 * @param bufferBytes        heap the output may hold for samples the service has not taken yet
 *                           (WEFT_CLOUD_BUFFER, e.g. 64MB; default 256 MB or a quarter of the
 *                           heap, whichever is less); past it seconds are merged, then dropped
 * @param maxSeriesInBatch   most time series in one metrics request
 *                           (K6_CLOUD_MAX_TIME_SERIES_IN_BATCH, 1000 as in k6; the service may set it)
 * @param stopOnError        end the test run when the service takes no more metrics
 *                           (K6_CLOUD_STOP_ON_ERROR, false; the service's create answer may set it)
 * @param maxBackoff         longest wait between retries (WEFT_CLOUD_MAX_BACKOFF, 10s)
 * @param stopTimeout        how long stop() keeps trying to deliver and finish
 *                           (WEFT_CLOUD_STOP_TIMEOUT, 60s)
 * @param configFile         where {@code login cloud} keeps the token
 */
public record CloudConfig(String host, String token, String name, Long projectId, Duration pushInterval,
        Duration requestTimeout, long bufferBytes, int maxSeriesInBatch, boolean stopOnError, Duration maxBackoff, Duration stopTimeout,
        Path configFile) {

    /** The buffer's budget when WEFT_CLOUD_BUFFER is not set and the heap is large. */
    public static final long DEFAULT_BUFFER_BYTES = 256L << 20;

    /** Settings from the environment and the login file. */
    public static CloudConfig resolve(Map<String, String> env) {
        return resolve(env, null, null);
    }

    /**
     * Settings as k6 v1 consolidates them: the login file, then the script's
     * {@code options.cloud} (or the legacy {@code options.ext.loadimpact}) for name, projectID
     * and token, then the environment, then {@code --out cloud=NAME}'s argument for the name.
     * So runs group by test name ({@code options.cloud.name}) and project at the service.
     *
     * @param options  the script's consolidated options, or null
     * @param argument the text after {@code cloud=} in {@code --out}, or null/empty
     */
    public static CloudConfig resolve(Map<String, String> env, com.google.gson.JsonObject options, String argument) {
        CloudConfig c = resolveEnv(env, scriptCloud(options));
        if (argument != null && !argument.isBlank()) {
            c = new CloudConfig(c.host, c.token, argument, c.projectId, c.pushInterval, c.requestTimeout, c.bufferBytes,
                    c.maxSeriesInBatch, c.stopOnError, c.maxBackoff, c.stopTimeout, c.configFile);
        }
        return c;
    }

    /** {@code options.cloud}, else {@code options.ext.loadimpact}, as k6 picks them; an empty object when neither. */
    private static com.google.gson.JsonObject scriptCloud(com.google.gson.JsonObject options) {
        if (options == null) {
            return new com.google.gson.JsonObject();
        }
        if (options.has("cloud") && options.get("cloud").isJsonObject()) {
            return options.getAsJsonObject("cloud");
        }
        if (options.has("ext") && options.get("ext").isJsonObject()) {
            com.google.gson.JsonObject ext = options.getAsJsonObject("ext");
            if (ext.has("loadimpact") && ext.get("loadimpact").isJsonObject()) {
                return ext.getAsJsonObject("loadimpact");
            }
        }
        return new com.google.gson.JsonObject();
    }

    private static String text(com.google.gson.JsonObject o, String key) {
        if (!o.has(key) || o.get(key).isJsonNull() || !o.get(key).isJsonPrimitive()) {
            return null;
        }
        String v = o.get(key).getAsString();
        return v.isBlank() ? null : v;
    }

    private static Long projectId(String text, String where) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(text.trim());
            if (d != Math.rint(d) || d < 0 || d > Long.MAX_VALUE) {
                throw new NumberFormatException();
            }
            long id = (long) d;
            return id == 0 ? null : id;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + " must be a whole number, got '" + text + "'");
        }
    }

    private static CloudConfig resolveEnv(Map<String, String> env, com.google.gson.JsonObject script) {
        Path file = CloudConfigFile.location(env);
        CloudConfigFile.Contents saved;
        try {
            saved = CloudConfigFile.read(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String host = first(env.get("K6_CLOUD_HOST"), saved.host(), CloudApi.DEFAULT_HOST);
        String token = first(env.get("K6_CLOUD_TOKEN"), text(script, "token"), saved.token());
        String project = env.get("K6_CLOUD_PROJECT_ID");
        Long projectId = project != null && !project.isBlank() ? projectId(project, "K6_CLOUD_PROJECT_ID")
                : projectId(text(script, "projectID"), "options.cloud.projectID");
        String name = blankToNull(env.get("K6_CLOUD_NAME")) != null ? env.get("K6_CLOUD_NAME") : text(script, "name");
        return new CloudConfig(stripSlash(host), token, name, projectId,
                duration(env, "K6_CLOUD_METRIC_PUSH_INTERVAL", Duration.ofSeconds(1)),
                duration(env, "K6_CLOUD_TIMEOUT", Duration.ofSeconds(60)),
                bytes(env, "WEFT_CLOUD_BUFFER", Math.min(DEFAULT_BUFFER_BYTES, Runtime.getRuntime().maxMemory() / 4)),
                (int) Math.min(100_000, bytesOrCount(env, "K6_CLOUD_MAX_TIME_SERIES_IN_BATCH", 1000)),
                bool(env, "K6_CLOUD_STOP_ON_ERROR"),
                duration(env, "WEFT_CLOUD_MAX_BACKOFF", Duration.ofSeconds(10)),
                duration(env, "WEFT_CLOUD_STOP_TIMEOUT", Duration.ofSeconds(60)), file);
    }

    private static String first(String a, String b, String fallback) {
        if (a != null && !a.isBlank()) {
            return a.trim();
        }
        if (b != null && !b.isBlank()) {
            return b.trim();
        }
        return fallback;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A size: a whole number of bytes, or with KB, MB or GB (powers of 1024); at least 1 MB. */
    static long bytes(Map<String, String> env, String key, long fallback) {
        String v = env.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        String t = v.trim().toUpperCase(Locale.ROOT).replace("IB", "B");
        long unit = 1;
        for (String[] u : new String[][] {{"KB", "10"}, {"MB", "20"}, {"GB", "30"}, {"B", "0"}}) {
            if (t.endsWith(u[0])) {
                unit = 1L << Integer.parseInt(u[1]);
                t = t.substring(0, t.length() - u[0].length()).trim();
                break;
            }
        }
        try {
            long n = Long.parseLong(t) * unit;
            if (n < (1L << 20)) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a size of at least 1MB like 64MB, got '" + v + "'");
        }
    }

    private static boolean bool(Map<String, String> env, String key) {
        String v = env.get(key);
        if (v == null || v.isBlank()) {
            return false;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "t", "1" -> true;
            case "false", "f", "0" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, got '" + v + "'");
        };
    }

    /**
     * The settings with what the service's create answer asks for applied over them, as k6
     * applies its {@code config}: push interval and batch size (the rest is for k6 itself).
     * A value it sends that cannot be read is ignored with the setting unchanged.
     */
    public CloudConfig withService(CreateTestRunResponse.ConfigOverride o) {
        if (o == null) {
            return this;
        }
        Duration push = pushInterval;
        if (o.metricPushInterval() != null) {
            Duration d = GoDuration.parse(o.metricPushInterval());
            push = d == null || d.isZero() || d.isNegative() ? push : d;
        }
        int series = o.maxTimeSeriesInBatch() != null && o.maxTimeSeriesInBatch() > 0
                ? Math.min(100_000, o.maxTimeSeriesInBatch()) : maxSeriesInBatch;
        return new CloudConfig(host, token, name, projectId, push, requestTimeout, bufferBytes, series, stopOnError,
                maxBackoff, stopTimeout, configFile);
    }

    private static long bytesOrCount(Map<String, String> env, String key, long fallback) {
        String v = env.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a positive whole number, got '" + v + "'");
        }
    }

    /** k6's duration text: "500ms", "1s", "2m", "1h", or a plain number of milliseconds. */
    static Duration duration(Map<String, String> env, String key, Duration fallback) {
        String v = env.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        String t = v.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
            }
            if (t.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.ofMillis(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a duration like 1s or 500ms, got '" + v + "'");
        }
    }
}
