package dev.weft.cloud.analysis;

import java.util.List;
import java.util.Map;

/**
 * {@code /api/runs/{id}/export/summary.csv} and {@code http.csv}: the metrics table (one line
 * per metric, one column per statistic, empty where the type has none) and the HTTP table as
 * RFC 4180 CSV, UTF-8. The JSON exports are the endpoints' answers. Stateless.
 */
final class Exports {
    static final List<String> SUMMARY_COLUMNS = List.of("metric", "type", "contains", "count", "rate", "value",
            "passes", "fails", "avg", "min", "med", "max", "p(90)", "p(95)", "p(99)");
    static final List<String> HTTP_COLUMNS = List.of("name", "url", "method", "status", "count", "failures", "avgMs",
            "p95Ms", "p99Ms", "minMs", "maxMs");

    private Exports() {
    }

    @SuppressWarnings("unchecked")
    static String summaryCsv(List<Map<String, Object>> metrics) {
        StringBuilder b = new StringBuilder();
        line(b, SUMMARY_COLUMNS);
        for (Map<String, Object> m : metrics) {
            Map<String, Object> values = (Map<String, Object>) m.get("values");
            List<Object> cells = new java.util.ArrayList<>(List.of(m.get("name"), m.get("type"), m.get("contains")));
            for (String c : SUMMARY_COLUMNS.subList(3, SUMMARY_COLUMNS.size())) {
                cells.add(values.get(c));
            }
            line(b, cells);
        }
        return b.toString();
    }

    static String httpCsv(List<Map<String, Object>> rows) {
        StringBuilder b = new StringBuilder();
        line(b, HTTP_COLUMNS);
        for (Map<String, Object> r : rows) {
            line(b, HTTP_COLUMNS.stream().map(r::get).toList());
        }
        return b.toString();
    }

    private static void line(StringBuilder b, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(cell(cells.get(i)));
        }
        b.append("\r\n");
    }

    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue())
                : v.toString();
        // a leading = + - @ would make a spreadsheet run it as a formula
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(v instanceof Number)) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
