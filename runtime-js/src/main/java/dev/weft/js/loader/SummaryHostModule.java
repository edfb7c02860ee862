package dev.weft.js.loader;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.weft.js.module.JsModule;
import dev.weft.js.module.VuScope;
import dev.weft.summary.SummaryOptions;
import dev.weft.summary.TextSummary;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The host half of Weft's k6-summary stand-in: {@code textSummary(dataJson, indent, colors)}
 * renders with core's {@link TextSummary}, so a script's handleSummary prints exactly what the
 * default summary would. Registered under {@link #NAME} by {@code JsProgram}; one instance per
 * VU, called on that VU's thread.
 */
public final class SummaryHostModule implements JsModule {
    public static final String NAME = "weft/k6-summary-host";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> exportNames() {
        return List.of("textSummary");
    }

    @Override
    public Object instance(VuScope vu) {
        ProxyExecutable render = args -> TextSummary.render(complete(args[0].asString()), args[1].asString(),
                args[2].asBoolean());
        return ProxyObject.fromMap(Map.of("textSummary", render));
    }

    /** handleSummary's data with what the renderer needs when a script built or trimmed it itself. */
    private static JsonObject complete(String json) {
        JsonObject data = JsonParser.parseString(json).getAsJsonObject();
        if (!data.has("options") || !data.get("options").isJsonObject()) {
            data.add("options", new JsonObject());
        }
        JsonObject options = data.getAsJsonObject("options");
        if (!options.has("summaryTrendStats") || !options.get("summaryTrendStats").isJsonArray()) {
            JsonArray stats = new JsonArray();
            SummaryOptions.DEFAULT_TREND_STATS.forEach(stats::add);
            options.add("summaryTrendStats", stats);
        }
        if (!data.has("metrics") || !data.get("metrics").isJsonObject()) {
            data.add("metrics", new JsonObject());
        }
        if (!data.has("root_group") || !data.get("root_group").isJsonObject()) {
            JsonObject root = new JsonObject();
            root.add("groups", new JsonArray());
            root.add("checks", new JsonArray());
            data.add("root_group", root);
        }
        return data;
    }
}
