package dev.weft.cloud.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The API paths the run page asks for in its default (unfiltered, unzoomed) views, built exactly
 * as the page's scripts build them ({@code Weft.q}, {@code Weft.seriesPath} in weft.js; the tabs
 * in run-tabs.js), in decoded form: the report embeds each answer under that key. Some paths
 * depend on earlier answers (a threshold's chart on the thresholds list, an HTTP row's charts on
 * the rows). Stateless.
 */
final class ReportPaths {
    /** Series points per line, as {@code Weft.POINTS}. */
    static final int POINTS = 600;
    /** HTTP rows whose own charts the report carries, as {@code Weft.HTTP_ROW_CHARTS}. */
    static final int HTTP_ROW_CHARTS = 10;
    static final List<String> PHASES = List.of("http_req_blocked", "http_req_connecting", "http_req_tls_handshaking",
            "http_req_sending", "http_req_waiting", "http_req_receiving");
    private static final Pattern PERCENTILE = Pattern.compile("p\\(\\d+(\\.\\d+)?\\)");
    private static final Pattern SUBMETRIC = Pattern.compile("([^{]+)\\{(.*)\\}");
    private static final List<String> STATS = List.of("avg", "min", "max", "med", "count", "rate", "value");

    private ReportPaths() {
    }

    /**
     * One request: {@code key} the decoded {@code path?query} the report embeds the answer under
     * (what weft.js looks up after decoding), {@code uri} the same encoded as a browser sends it.
     */
    record ApiPath(String key, String uri) {
        static ApiPath of(String path, List<String[]> params) {
            StringBuilder key = new StringBuilder(path);
            StringBuilder uri = new StringBuilder(path);
            char sep = '?';
            for (String[] kv : params) {
                if (kv[1] == null || kv[1].isEmpty()) {
                    continue;
                }
                key.append(sep).append(kv[0]).append('=').append(kv[1]);
                uri.append(sep).append(encode(kv[0])).append('=').append(encode(kv[1]));
                sep = '&';
            }
            return new ApiPath(key.toString(), uri.toString());
        }

        static ApiPath plain(String path) {
            return new ApiPath(path, path);
        }
    }

    static String run(long id) {
        return "/api/runs/" + id;
    }

    /** As JavaScript's encodeURIComponent: everything but A-Z a-z 0-9 - _ . ! ~ * ' ( ) as UTF-8 %XX. */
    static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.!~*'()".indexOf(c) >= 0) {
                b.append(c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(x & 0xf, 16)));
            }
        }
        return b.toString();
    }

    /** Paths that need no earlier answer: header, tiles, filter values, tables, overview and tab charts. */
    static List<ApiPath> fixed(long id) {
        String base = run(id);
        List<ApiPath> paths = new ArrayList<>(List.of(ApiPath.plain(base + "/header"), ApiPath.plain(base + "/tags"),
                ApiPath.plain(base + "/stats"), ApiPath.plain(base + "/thresholds"), ApiPath.plain(base + "/checks"),
                ApiPath.plain(base + "/http"), ApiPath.plain(base + "/metrics"),
                ApiPath.of(base + "/logs", List.of(new String[] {"after", "0"}, new String[] {"limit", "1000"})),
                series(id, "vus", "value", null, Map.of()),
                series(id, "http_reqs", "rate", null, Map.of()),
                series(id, "http_req_duration", "p(95)", null, Map.of()),
                series(id, "http_req_failed", "value", null, Map.of()),
                series(id, "checks", "fails", "check", Map.of()),
                series(id, "http_reqs", "rate", "scenario", Map.of()),
                series(id, "http_req_duration", "p(95)", "scenario", Map.of()),
                series(id, "iterations", "rate", "scenario", Map.of()),
                series(id, "http_req_failed", "value", "scenario", Map.of())));
        for (String phase : PHASES) {
            paths.add(series(id, phase, "avg", null, Map.of()));
        }
        return paths;
    }

    /** Each threshold's chart: its metric (a submetric's tags as filters, as run-tabs.js) at the stat its expression tests. */
    static List<ApiPath> thresholdCharts(long id, JsonElement thresholds) {
        List<ApiPath> paths = new ArrayList<>();
        if (thresholds != null && thresholds.isJsonArray()) {
            for (JsonElement t : thresholds.getAsJsonArray()) {
                JsonObject o = t.getAsJsonObject();
                String metric = o.get("metric").getAsString();
                Map<String, String> tags = new TreeMap<>();
                var sub = SUBMETRIC.matcher(metric);
                if (sub.matches()) {
                    metric = sub.group(1);
                    for (String pair : sub.group(2).split(",")) {
                        int colon = pair.indexOf(':');
                        if (colon > 0) {
                            tags.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
                        }
                    }
                }
                paths.add(series(id, metric, thresholdStat(o), null, tags));
            }
        }
        return paths;
    }

    /** The first rows' own charts (response time p95 and requests per second, filtered to the row). */
    static List<ApiPath> httpRowCharts(long id, JsonElement rows) {
        List<ApiPath> paths = new ArrayList<>();
        if (rows != null && rows.isJsonArray()) {
            JsonArray a = rows.getAsJsonArray();
            for (int i = 0; i < Math.min(HTTP_ROW_CHARTS, a.size()); i++) {
                JsonObject r = a.get(i).getAsJsonObject();
                Map<String, String> tags = new TreeMap<>();
                tags.put("name", text(r, "name"));
                tags.put("method", text(r, "method"));
                tags.put("status", text(r, "status"));
                paths.add(series(id, "http_req_duration", "p(95)", null, tags));
                paths.add(series(id, "http_reqs", "rate", null, tags));
            }
        }
        return paths;
    }

    /** As run-tabs.js's thresholdStat: the expression's stat when the series endpoint knows it, else value. */
    static String thresholdStat(JsonObject t) {
        String s = t.has("stat") && !t.get("stat").isJsonNull() ? t.get("stat").getAsString() : "value";
        return STATS.contains(s) || PERCENTILE.matcher(s).matches() ? s : "value";
    }

    /** A series path as {@code Weft.seriesPath}: metric, stat, by, points, then tag filters by key. */
    static ApiPath series(long id, String metric, String stat, String by, Map<String, String> tags) {
        List<String[]> params = new ArrayList<>();
        params.add(new String[] {"metric", metric});
        params.add(new String[] {"stat", stat});
        params.add(new String[] {"by", by});
        params.add(new String[] {"points", Integer.toString(POINTS)});
        new TreeMap<>(tags).forEach((k, v) -> params.add(new String[] {"tag." + k, v}));
        return ApiPath.of(run(id) + "/series", params);
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
