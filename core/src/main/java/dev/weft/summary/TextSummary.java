package dev.weft.summary;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders k6's end-of-test text summary from the {@link SummaryData} object: the groups and
 * checks tree with ✓/✗ marks, then one line per metric sorted by name with dotted padding and
 * aligned columns. Stateless; called by the CLI at the end of the test (when the script has no
 * handleSummary) and usable by the JS layer for jslib's {@code textSummary(data, options)}.
 */
public final class TextSummary {
    private static final String GROUP_PREFIX = "█";
    private static final String DETAILS_PREFIX = "↳";
    private static final String SUCC = "✓";
    private static final String FAIL = "✗";
    private static final int GREEN = 32;
    private static final int RED = 31;
    private static final int CYAN = 36;
    private static final int FAINT = 2;

    private final String indent;
    private final boolean colors;

    private TextSummary(String indent, boolean colors) {
        this.indent = indent;
        this.colors = colors;
    }

    /**
     * The summary text without the surrounding blank lines k6 adds when printing it (the CLI
     * prints {@code "\n" + text + "\n\n"} to stdout).
     *
     * @param indent       k6's {@code indent} option, {@code " "} by default
     * @param enableColors ANSI colors; pass {@code !noColor && stdoutIsTty}
     */
    public static String render(JsonObject data, String indent, boolean enableColors) {
        return new TextSummary(indent, enableColors).renderData(data);
    }

    /** With k6's defaults: one-space indent, colors unless {@code options.noColor}. */
    public static String render(JsonObject data) {
        JsonObject options = data.getAsJsonObject("options");
        boolean noColor = options != null && options.has("noColor") && options.get("noColor").getAsBoolean();
        return render(data, " ", !noColor);
    }

    private String renderData(JsonObject data) {
        List<String> lines = new ArrayList<>(group(indent + "    ", data.getAsJsonObject("root_group")));
        lines.addAll(metrics(data));
        return String.join("\n", lines);
    }

    private String decorate(String text, int color, int... attrs) {
        if (!colors) {
            return text;
        }
        StringBuilder sb = new StringBuilder("\u001b[").append(color);
        for (int a : attrs) {
            sb.append(';').append(a);
        }
        return sb.append('m').append(text).append("\u001b[0m").toString();
    }

    private List<String> group(String ind, JsonObject group) {
        List<String> out = new ArrayList<>();
        if (group == null) {
            return out;
        }
        String name = group.get("name").getAsString();
        if (!name.isEmpty()) {
            out.add(ind + GROUP_PREFIX + " " + name + "\n");
            ind = ind + "  ";
        }
        JsonArray checks = group.getAsJsonArray("checks");
        for (JsonElement c : checks) {
            out.add(check(ind, c.getAsJsonObject()));
        }
        if (!checks.isEmpty()) {
            out.add("");
        }
        for (JsonElement g : group.getAsJsonArray("groups")) {
            out.addAll(group(ind, g.getAsJsonObject()));
        }
        return out;
    }

    private String check(String ind, JsonObject check) {
        String name = check.get("name").getAsString();
        long passes = check.get("passes").getAsLong();
        long fails = check.get("fails").getAsLong();
        if (fails == 0) {
            return decorate(ind + SUCC + " " + name, GREEN);
        }
        long percent = Math.floorDiv(100 * passes, passes + fails);
        return decorate(ind + FAIL + " " + name + "\n" + ind + " " + DETAILS_PREFIX + "  " + percent + "% — "
                + SUCC + " " + passes + " / " + FAIL + " " + fails, RED);
    }

    private List<String> metrics(JsonObject data) {
        JsonObject options = data.getAsJsonObject("options");
        List<String> stats = new ArrayList<>();
        options.getAsJsonArray("summaryTrendStats").forEach(e -> stats.add(e.getAsString()));
        String timeUnit = options.has("summaryTimeUnit") && !options.get("summaryTimeUnit").isJsonNull()
                ? options.get("summaryTimeUnit").getAsString() : "";
        JsonObject metrics = data.getAsJsonObject("metrics");

        List<String> names = new ArrayList<>(metrics.keySet());
        int nameMax = 0;
        Map<String, List<String>> cells = new HashMap<>();
        int[] trendWidths = new int[stats.size()];
        int valueWidth = 0;
        int[] extraWidths = new int[2];
        for (String name : names) {
            nameMax = Math.max(nameMax, width(indentFor(name) + displayName(name)));
            JsonObject m = metrics.getAsJsonObject(name);
            List<String> c = "trend".equals(m.get("type").getAsString())
                    ? trendCells(m, stats, timeUnit) : nonTrendCells(m, timeUnit);
            cells.put(name, c);
            if ("trend".equals(m.get("type").getAsString())) {
                for (int i = 0; i < c.size(); i++) {
                    trendWidths[i] = Math.max(trendWidths[i], width(c.get(i)));
                }
            } else {
                valueWidth = Math.max(valueWidth, width(c.get(0)));
                for (int i = 1; i < c.size(); i++) {
                    if (i - 1 >= extraWidths.length) {
                        extraWidths = java.util.Arrays.copyOf(extraWidths, i);
                    }
                    extraWidths[i - 1] = Math.max(extraWidths[i - 1], width(c.get(i)));
                }
            }
        }
        names.sort(SummaryData::compareMetricNames);

        List<String> out = new ArrayList<>();
        for (String name : names) {
            JsonObject m = metrics.getAsJsonObject(name);
            boolean trend = "trend".equals(m.get("type").getAsString());
            String data0 = trend ? trendLine(stats, cells.get(name), trendWidths)
                    : nonTrendLine(cells.get(name), valueWidth, extraWidths);
            String mark = " ";
            Integer markColor = null;
            if (m.has("thresholds")) {
                mark = SUCC;
                markColor = GREEN;
                for (Map.Entry<String, JsonElement> t : m.getAsJsonObject("thresholds").entrySet()) {
                    if (!t.getValue().getAsJsonObject().get("ok").getAsBoolean()) {
                        mark = FAIL;
                        markColor = RED;
                        break;
                    }
                }
            }
            String fmtIndent = indentFor(name);
            String display = displayName(name);
            String dots = ".".repeat(Math.max(0, nameMax - width(display) - width(fmtIndent) + 3)) + ":";
            out.add(indent + "  " + fmtIndent + (markColor == null ? mark : decorate(mark, markColor)) + " "
                    + display + decorate(dots, FAINT) + " " + data0);
        }
        return out;
    }

    private static List<String> trendCells(JsonObject m, List<String> stats, String timeUnit) {
        JsonObject values = m.getAsJsonObject("values");
        String contains = m.get("contains").getAsString();
        List<String> c = new ArrayList<>();
        for (String stat : stats) {
            double v = values.has(stat) && !values.get(stat).isJsonNull() ? values.get(stat).getAsDouble() : 0;
            c.add("count".equals(stat) ? Humanize.jsNumber(v) : Humanize.value(v, "trend", contains, timeUnit));
        }
        return c;
    }

    private static List<String> nonTrendCells(JsonObject m, String timeUnit) {
        String type = m.get("type").getAsString();
        String contains = m.get("contains").getAsString();
        JsonObject values = m.getAsJsonObject("values");
        return switch (type) {
            case "counter" -> List.of(Humanize.value(num(values, "count"), type, contains, timeUnit),
                    Humanize.value(num(values, "rate"), type, contains, timeUnit) + "/s");
            case "gauge" -> List.of(Humanize.value(num(values, "value"), type, contains, timeUnit),
                    "min=" + Humanize.value(num(values, "min"), type, contains, timeUnit),
                    "max=" + Humanize.value(num(values, "max"), type, contains, timeUnit));
            case "rate" -> List.of(Humanize.value(num(values, "rate"), type, contains, timeUnit),
                    SUCC + " " + Humanize.jsNumber(num(values, "passes")),
                    FAIL + " " + Humanize.jsNumber(num(values, "fails")));
            default -> List.of("[no data]");
        };
    }

    private static double num(JsonObject values, String key) {
        JsonElement e = values.get(key);
        return e == null || e.isJsonNull() ? 0 : e.getAsDouble();
    }

    private String trendLine(List<String> stats, List<String> cells, int[] widths) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            parts.add(stats.get(i) + "=" + decorate(cells.get(i), CYAN) + " ".repeat(widths[i] - width(cells.get(i))));
        }
        return String.join(" ", parts);
    }

    private String nonTrendLine(List<String> cells, int valueWidth, int[] extraWidths) {
        String value = cells.get(0);
        StringBuilder sb = new StringBuilder(decorate(value, CYAN)).append(" ".repeat(valueWidth - width(value)));
        List<String> extras = cells.subList(1, cells.size());
        if (extras.size() == 1) {
            sb.append(' ').append(decorate(extras.get(0), CYAN, FAINT));
        } else if (extras.size() > 1) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < extras.size(); i++) {
                parts.add(decorate(extras.get(i), CYAN, FAINT) + " ".repeat(extraWidths[i] - width(extras.get(i))));
            }
            sb.append(' ').append(String.join(" ", parts));
        }
        return sb.toString();
    }

    private static String displayName(String name) {
        int brace = name.indexOf('{');
        return brace < 0 ? name : "{ " + name.substring(brace + 1, name.length() - 1) + " }";
    }

    private static String indentFor(String name) {
        return name.indexOf('{') >= 0 ? "  " : "";
    }

    /** Terminal width of plain text: code points after NFKC normalization. */
    private static int width(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        return n.codePointCount(0, n.length());
    }
}
