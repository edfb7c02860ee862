package dev.weft.summary;

import dev.weft.summary.SummaryReport.MetricView;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The formatted cells of a set of metrics printed together, and the column widths that align
 * them (k6 v1's summary info): the widest name, each trend column, the main value of the other
 * types and each of their extras. Built per block by {@link V1TextSummary}.
 */
final class MetricColumns {
    private final Map<String, List<String>> trendCells = new HashMap<>();
    private final Map<String, Map<String, String>> trendKeys = new HashMap<>();
    private final Map<String, List<String>> nonTrendCells = new HashMap<>();
    private final List<String> stats;
    private final int[] trendWidths;
    private final List<Integer> extraWidths = new ArrayList<>();
    private int maxNameWidth;
    private int valueWidth;

    MetricColumns(List<MetricView> metrics, V1TextSummary.Indent at, List<String> stats, String timeUnit) {
        this.stats = stats;
        trendWidths = new int[stats.size()];
        for (MetricView m : metrics) {
            maxNameWidth = Math.max(maxNameWidth, width(at.text(displayName(m.name()))));
            if ("trend".equals(m.type())) {
                List<String> cols = new ArrayList<>();
                for (int i = 0; i < stats.size(); i++) {
                    String cell = trendValue(m, stats.get(i), timeUnit);
                    cols.add(cell);
                    trendWidths[i] = Math.max(trendWidths[i], width(cell));
                }
                Map<String, String> keys = new HashMap<>();
                m.values().keySet().stream().filter(k -> !stats.contains(k))
                        .forEach(k -> keys.put(k, trendValue(m, k, timeUnit)));
                trendCells.put(m.name(), cols);
                trendKeys.put(m.name(), keys);
            } else {
                List<String> cells = nonTrendValues(m, timeUnit);
                nonTrendCells.put(m.name(), cells);
                valueWidth = Math.max(valueWidth, width(cells.get(0)));
                for (int i = 1; i < cells.size(); i++) {
                    if (extraWidths.size() < i) {
                        extraWidths.add(0);
                    }
                    extraWidths.set(i - 1, Math.max(extraWidths.get(i - 1), width(cells.get(i))));
                }
            }
        }
    }

    int maxNameWidth() {
        return maxNameWidth;
    }

    int valueWidth() {
        return valueWidth;
    }

    int trendWidth(int column) {
        return trendWidths[column];
    }

    int extraWidth(int index) {
        return extraWidths.get(index);
    }

    List<String> trendCells(String name) {
        return trendCells.get(name);
    }

    List<String> nonTrendCells(String name) {
        return nonTrendCells.get(name);
    }

    /** The formatted value a threshold on {@code agg} was judged on, as k6 v1 shows it. */
    String thresholdValue(MetricView m, String agg) {
        return switch (m.type()) {
            case "trend" -> stats.indexOf(agg) >= 0 ? trendCells.get(m.name()).get(stats.indexOf(agg))
                    : trendKeys.get(m.name()).getOrDefault(agg, "undefined");
            case "counter" -> nonTrendCells.get(m.name()).get("count".equals(agg) ? 0 : 1);
            default -> nonTrendCells.get(m.name()).get(0);
        };
    }

    private static String trendValue(MetricView m, String stat, String timeUnit) {
        double v = m.values().getOrDefault(stat, 0.0);
        return "count".equals(stat) ? Humanize.jsNumber(v) : Humanize.value(v, m.type(), m.contains(), timeUnit);
    }

    private static List<String> nonTrendValues(MetricView m, String timeUnit) {
        Map<String, Double> v = m.values();
        return switch (m.type()) {
            case "counter" -> List.of(Humanize.value(get(v, "count"), m.type(), m.contains(), timeUnit),
                    Humanize.value(get(v, "rate"), m.type(), m.contains(), timeUnit) + "/s");
            case "gauge" -> List.of(Humanize.value(get(v, "value"), m.type(), m.contains(), timeUnit),
                    "min=" + Humanize.value(get(v, "min"), m.type(), m.contains(), timeUnit),
                    "max=" + Humanize.value(get(v, "max"), m.type(), m.contains(), timeUnit));
            case "rate" -> List.of(Humanize.value(get(v, "rate"), m.type(), m.contains(), timeUnit),
                    Humanize.jsNumber(get(v, "passes")) + " out of "
                            + Humanize.jsNumber(get(v, "passes") + get(v, "fails")));
            default -> List.of("[no data]");
        };
    }

    private static double get(Map<String, Double> values, String key) {
        Double d = values.get(key);
        return d == null || d.isNaN() ? 0 : d;
    }

    /** {@code "  { tags }"} for a sub-metric, the name otherwise. */
    static String displayName(String name) {
        int brace = name.indexOf('{');
        return brace < 0 ? name : "  { " + name.substring(brace + 1, name.length() - 1) + " }";
    }

    /** Terminal width of plain text: code points after NFKC normalisation. */
    static int width(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        return n.codePointCount(0, n.length());
    }
}
