package dev.weft.summary;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.weft.metrics.MetricAggregates;
import dev.weft.threshold.ThresholdEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Builds the object k6 passes to {@code handleSummary(data)} and that the text summary and
 * {@code --summary-export} are made from:
 * <pre>{@code
 * { root_group: {name, path, id, groups: [...], checks: [{name, path, id, passes, fails}]},
 *   options: {summaryTrendStats, summaryTimeUnit, noColor},
 *   state: {isStdOutTTY, isStdErrTTY, testRunDurationMs},
 *   metrics: {name: {type, contains, values: {...}, thresholds?: {expr: {ok}}}},
 *   setup_data?: ... }
 * }</pre>
 * Called once by the CLI at the end of the test, after the pipeline is closed and the final
 * threshold evaluation ran.
 */
public final class SummaryData {
    private SummaryData() {
    }

    /**
     * @param thresholds the run's thresholds, or null when there are none
     * @param setupData  what setup() returned, as JSON, or null to leave it out
     */
    public static JsonObject build(MetricAggregates aggregates, GroupTree groups, ThresholdEngine thresholds,
            SummaryOptions options, Duration testRunDuration, JsonElement setupData) {
        JsonObject data = new JsonObject();
        data.add("root_group", groups.toJson());

        JsonObject opts = new JsonObject();
        JsonArray stats = new JsonArray();
        options.trendStats().forEach(stats::add);
        opts.add("summaryTrendStats", stats);
        opts.addProperty("summaryTimeUnit", options.timeUnit());
        opts.addProperty("noColor", options.noColor());
        data.add("options", opts);

        JsonObject state = new JsonObject();
        state.addProperty("isStdOutTTY", options.stdoutTty());
        state.addProperty("isStdErrTTY", options.stderrTty());
        state.add("testRunDurationMs", number(testRunDuration.toNanos() / 1e6));
        data.add("state", state);

        data.add("metrics", metrics(aggregates, thresholds, options, testRunDuration));
        if (setupData != null) {
            data.add("setup_data", setupData);
        }
        return data;
    }

    private static JsonObject metrics(MetricAggregates aggregates, ThresholdEngine thresholds,
            SummaryOptions options, Duration elapsed) {
        Map<String, Map<String, Boolean>> ok = thresholds == null ? Map.of() : thresholds.okByKey();
        return aggregates.read(() -> {
            List<MetricAggregates.Entry> entries = new ArrayList<>(aggregates.observed());
            entries.sort(Comparator.comparing(MetricAggregates.Entry::name, SummaryData::compareMetricNames));
            JsonObject metrics = new JsonObject();
            for (MetricAggregates.Entry e : entries) {
                JsonObject m = new JsonObject();
                m.addProperty("type", e.metric().type().k6Name());
                m.addProperty("contains", e.metric().valueType().k6Name());
                JsonObject values = new JsonObject();
                e.sink().summaryValues(elapsed, options.trendStats()).forEach((k, v) -> values.add(k, number(v)));
                m.add("values", values);
                Map<String, Boolean> results = ok.get(e.name());
                if (results != null && !results.isEmpty()) {
                    JsonObject th = new JsonObject();
                    results.forEach((src, passed) -> {
                        JsonObject r = new JsonObject();
                        r.addProperty("ok", passed);
                        th.add(src, r);
                    });
                    m.add("thresholds", th);
                }
                metrics.add(e.name(), m);
            }
            return metrics;
        });
    }

    /**
     * k6's summary order: by metric name, each sub-metric right after its parent, sorted by the
     * part in braces. Case-insensitive first, like the JS localeCompare k6 uses.
     */
    static int compareMetricNames(String a, String b) {
        int ia = a.indexOf('{');
        int ib = b.indexOf('{');
        String pa = ia < 0 ? a : a.substring(0, ia);
        String pb = ib < 0 ? b : b.substring(0, ib);
        int c = caseInsensitiveThenExact(pa, pb);
        if (c != 0) {
            return c;
        }
        return caseInsensitiveThenExact(a.substring(pa.length()), b.substring(pb.length()));
    }

    private static int caseInsensitiveThenExact(String a, String b) {
        int c = String.CASE_INSENSITIVE_ORDER.compare(a, b);
        return c != 0 ? c : a.compareTo(b);
    }

    /** A JSON number as Go would write it: integers without ".0"; null for NaN or infinity. */
    static JsonElement number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return JsonNull.INSTANCE;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return new JsonPrimitive((long) v);
        }
        return new JsonPrimitive(v);
    }
}
