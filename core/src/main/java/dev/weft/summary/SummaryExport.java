package dev.weft.summary;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The {@code --summary-export=file} JSON in k6's legacy shape, made from the
 * {@link SummaryData} object: no options or state; each metric is just its values (a rate's
 * {@code rate} renamed {@code value}) plus {@code thresholds: {expr: failed}}; groups and checks
 * keyed by name. Pretty-printed with four spaces as k6 does. Stateless; called by the CLI.
 */
public final class SummaryExport {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private SummaryExport() {
    }

    public static JsonObject toLegacy(JsonObject data) {
        JsonObject out = data.deepCopy();
        out.remove("options");
        out.remove("state");
        JsonObject metrics = new JsonObject();
        for (Map.Entry<String, JsonElement> e : data.getAsJsonObject("metrics").entrySet()) {
            JsonObject m = e.getValue().getAsJsonObject();
            JsonObject values = m.getAsJsonObject("values").deepCopy();
            if (m.has("thresholds") && !m.getAsJsonObject("thresholds").isEmpty()) {
                JsonObject th = new JsonObject();
                m.getAsJsonObject("thresholds").entrySet().forEach(t ->
                        th.addProperty(t.getKey(), !t.getValue().getAsJsonObject().get("ok").getAsBoolean()));
                values.add("thresholds", th);
            }
            if ("rate".equals(m.get("type").getAsString()) && values.has("rate")) {
                values.add("value", values.remove("rate"));
            }
            metrics.add(e.getKey(), values);
        }
        out.add("metrics", metrics);
        out.add("root_group", keyedGroup(data.getAsJsonObject("root_group")));
        return out;
    }

    private static JsonObject keyedGroup(JsonObject group) {
        JsonObject g = group.deepCopy();
        JsonObject groups = new JsonObject();
        for (JsonElement child : group.getAsJsonArray("groups")) {
            groups.add(child.getAsJsonObject().get("name").getAsString(), keyedGroup(child.getAsJsonObject()));
        }
        g.add("groups", groups);
        JsonObject checks = new JsonObject();
        for (JsonElement c : (JsonArray) group.get("checks")) {
            checks.add(c.getAsJsonObject().get("name").getAsString(), c.deepCopy());
        }
        g.add("checks", checks);
        return g;
    }

    /** The legacy export as the text k6 writes to the file. */
    public static String toJsonText(JsonObject data) {
        StringWriter sw = new StringWriter();
        try (JsonWriter w = GSON.newJsonWriter(sw)) {
            w.setIndent("    ");
            GSON.toJson(toLegacy(data), w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }
}
