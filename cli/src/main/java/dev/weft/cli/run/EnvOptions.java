package dev.weft.cli.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Map;

/**
 * k6's K6_* environment variables as an options layer (above the script, below flags): every
 * option k6 reads from the environment that Weft knows. Called once per command at start-up.
 */
final class EnvOptions {
    private EnvOptions() {
    }

    static JsonObject from(Map<String, String> env) {
        JsonObject o = new JsonObject();
        number(env, "K6_VUS", "vus", o);
        number(env, "K6_ITERATIONS", "iterations", o);
        text(env, "K6_DURATION", "duration", o);
        text(env, "K6_USER_AGENT", "userAgent", o);
        text(env, "K6_SETUP_TIMEOUT", "setupTimeout", o);
        text(env, "K6_TEARDOWN_TIMEOUT", "teardownTimeout", o);
        text(env, "K6_SUMMARY_TIME_UNIT", "summaryTimeUnit", o);
        bool(env, "K6_NO_SETUP", "noSetup", o);
        bool(env, "K6_NO_TEARDOWN", "noTeardown", o);
        bool(env, "K6_INSECURE_SKIP_TLS_VERIFY", "insecureSkipTLSVerify", o);
        bool(env, "K6_NO_CONNECTION_REUSE", "noConnectionReuse", o);
        bool(env, "K6_NO_VU_CONNECTION_REUSE", "noVUConnectionReuse", o);
        bool(env, "K6_THROW", "throw", o);
        bool(env, "K6_DISCARD_RESPONSE_BODIES", "discardResponseBodies", o);
        bool(env, "K6_PAUSED", "paused", o);
        text(env, "K6_HTTP_DEBUG", "httpDebug", o);
        number(env, "K6_MAX_REDIRECTS", "maxRedirects", o);
        number(env, "K6_BATCH", "batch", o);
        number(env, "K6_BATCH_PER_HOST", "batchPerHost", o);
        number(env, "K6_RPS", "rps", o);
        text(env, "K6_MIN_ITERATION_DURATION", "minIterationDuration", o);
        bool(env, "K6_NO_COOKIES_RESET", "noCookiesReset", o);
        bool(env, "K6_LINGER", "linger", o);
        bool(env, "K6_NO_USAGE_REPORT", "noUsageReport", o);
        list(env, "K6_SYSTEM_TAGS", "systemTags", o);
        list(env, "K6_BLOCK_HOSTNAMES", "blockHostnames", o);
        list(env, "K6_BLACKLIST_IPS", "blacklistIPs", o);
        String tags = env.get("K6_TAGS");
        if (tags != null && !tags.isBlank()) {
            JsonObject t = new JsonObject();
            for (String kv : tags.split(",")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    t.addProperty(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
                }
            }
            o.add("tags", t);
        }
        String thresholds = env.get("K6_THRESHOLDS");
        if (thresholds != null && !thresholds.isBlank()) {
            try {
                o.add("thresholds", com.google.gson.JsonParser.parseString(thresholds));
            } catch (com.google.gson.JsonParseException e) {
                throw new dev.weft.options.OptionsException("K6_THRESHOLDS must be JSON: " + e.getMessage());
            }
        }
        text(env, "K6_EXECUTION_SEGMENT", "executionSegment", o);
        text(env, "K6_EXECUTION_SEGMENT_SEQUENCE", "executionSegmentSequence", o);
        String stages = env.get("K6_STAGES");
        if (stages != null && !stages.isBlank()) {
            JsonArray a = new JsonArray();
            for (String s : stages.split(",")) {
                int colon = s.lastIndexOf(':');
                JsonObject st = new JsonObject();
                st.addProperty("duration", s.substring(0, Math.max(colon, 0)).trim());
                st.addProperty("target", colon < 0 ? "" : s.substring(colon + 1).trim());
                a.add(st);
            }
            o.add("stages", a);
        }
        String trend = env.get("K6_SUMMARY_TREND_STATS");
        if (trend != null && !trend.isBlank()) {
            JsonArray a = new JsonArray();
            for (String s : trend.split(",")) {
                a.add(s.trim());
            }
            o.add("summaryTrendStats", a);
        }
        return o;
    }

    private static void number(Map<String, String> env, String var, String option, JsonObject o) {
        String v = env.get(var);
        if (v != null && !v.isBlank()) {
            o.addProperty(option, v.trim());
        }
    }

    private static void text(Map<String, String> env, String var, String option, JsonObject o) {
        number(env, var, option, o);
    }

    private static void list(Map<String, String> env, String var, String option, JsonObject o) {
        String v = env.get(var);
        if (v != null && !v.isBlank()) {
            JsonArray a = new JsonArray();
            for (String s : v.split(",")) {
                a.add(s.trim());
            }
            o.add(option, a);
        }
    }

    private static void bool(Map<String, String> env, String var, String option, JsonObject o) {
        String v = env.get(var);
        if (v != null && !v.isBlank()) {
            o.addProperty(option, v.trim().equalsIgnoreCase("true") || v.trim().equals("1"));
        }
    }
}
