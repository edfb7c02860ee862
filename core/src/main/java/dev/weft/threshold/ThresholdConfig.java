package dev.weft.threshold;

import dev.weft.options.K6Duration;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code options.thresholds} into {@link MetricThresholds}, once at start-up. Accepts what
 * the JS layer hands over as plain Java values ({@code Map<String, List<String | Map>>}) or a
 * gson object from a JSON config file. Each entry is either the string form
 * {@code "p(95)<200"} or the object form
 * {@code {threshold: "p(95)<200", abortOnFail: true, delayAbortEval: "10s"}}.
 */
public final class ThresholdConfig {
    private ThresholdConfig() {
    }

    /**
     * @param thresholds metric key to a list (or a single entry) of string or map entries
     * @throws ThresholdException naming the metric and the expression that is wrong
     */
    public static List<MetricThresholds> parse(Map<String, ?> thresholds) {
        List<MetricThresholds> out = new ArrayList<>();
        for (Map.Entry<String, ?> e : thresholds.entrySet()) {
            List<?> entries = e.getValue() instanceof List<?> l ? l : List.of(e.getValue());
            List<Threshold> parsed = new ArrayList<>();
            for (Object entry : entries) {
                parsed.add(parseEntry(e.getKey(), entry));
            }
            out.add(new MetricThresholds(e.getKey(), parsed));
        }
        return out;
    }

    /** The same from JSON, e.g. the {@code thresholds} object of a {@code --config} file. */
    public static List<MetricThresholds> fromJson(JsonObject thresholds) {
        Map<String, Object> plain = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : thresholds.entrySet()) {
            plain.put(e.getKey(), toPlain(e.getValue()));
        }
        return parse(plain);
    }

    private static Object toPlain(JsonElement el) {
        if (el.isJsonArray()) {
            List<Object> list = new ArrayList<>();
            for (JsonElement item : (JsonArray) el) {
                list.add(toPlain(item));
            }
            return list;
        }
        if (el.isJsonObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : el.getAsJsonObject().entrySet()) {
                map.put(e.getKey(), toPlain(e.getValue()));
            }
            return map;
        }
        if (el.isJsonNull()) {
            return null;
        }
        var p = el.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (p.isNumber()) {
            return p.getAsDouble();
        }
        return p.getAsString();
    }

    private static Threshold parseEntry(String key, Object entry) {
        try {
            if (entry instanceof String s) {
                return Threshold.of(s);
            }
            if (entry instanceof Map<?, ?> m) {
                Object expr = m.get("threshold");
                if (!(expr instanceof String s)) {
                    throw new ThresholdException("the object form needs a \"threshold\" string");
                }
                boolean abort = Boolean.TRUE.equals(m.get("abortOnFail"));
                return new Threshold(ThresholdExpression.parse(s), abort, delayOf(m.get("delayAbortEval")));
            }
            throw new ThresholdException("expected a string or an object, got " + entry);
        } catch (ThresholdException ex) {
            throw new ThresholdException("invalid threshold " + describe(entry) + " on metric '" + key + "': "
                    + ex.getMessage());
        }
    }

    private static String describe(Object entry) {
        if (entry instanceof String s) {
            return "\"" + s + "\"";
        }
        if (entry instanceof Map<?, ?> m && m.get("threshold") != null) {
            return "\"" + m.get("threshold") + "\"";
        }
        return String.valueOf(entry);
    }

    private static Duration delayOf(Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Number n) {
            return Duration.ofNanos(Math.round(n.doubleValue() * 1_000_000)); // k6: bare numbers are ms
        }
        try {
            return K6Duration.parse(raw.toString());
        } catch (IllegalArgumentException e) {
            throw new ThresholdException("invalid delayAbortEval \"" + raw + "\": " + e.getMessage());
        }
    }
}
