package dev.weft.cloud.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code GET /api/runs/{id}/http}: one row per request {@code name} (k6 sets it to the URL
 * unless the script names the request), method and status, with its count (http_reqs),
 * failures (http_req_failed) and duration statistics (http_req_duration, ms). Sorted by
 * count, most first. Stateless.
 */
final class HttpTable {
    static final Set<String> METRICS = Set.of("http_reqs", "http_req_duration", "http_req_failed");

    /** Row identity. */
    record Key(String name, String method, String status) {
    }

    private static final class Acc {
        String url;
        boolean urls;
        Fold reqs;
        Fold duration;
        Fold failed;
    }

    private HttpTable() {
    }

    static List<Map<String, Object>> of(RunData data) {
        Map<Key, Acc> rows = new TreeMap<>(Comparator.comparing(Key::name).thenComparing(Key::method)
                .thenComparing(Key::status));
        for (RunData.Row r : data.rows) {
            String metric = r.series().metric();
            if (!METRICS.contains(metric)) {
                continue;
            }
            Map<String, String> t = r.series().tags();
            String url = t.getOrDefault("url", "");
            Key k = new Key(t.getOrDefault("name", url), t.getOrDefault("method", ""), t.getOrDefault("status", ""));
            Acc a = rows.computeIfAbsent(k, x -> new Acc());
            if (!a.urls) {
                a.url = url;
                a.urls = true;
            } else if (a.url != null && !a.url.equals(url)) {
                a.url = null;
            }
            Fold into = switch (metric) {
                case "http_reqs" -> a.reqs == null ? (a.reqs = new Fold("counter")) : a.reqs;
                case "http_req_duration" -> a.duration == null ? (a.duration = new Fold("trend")) : a.duration;
                default -> a.failed == null ? (a.failed = new Fold("rate")) : a.failed;
            };
            into.add(r.fold());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        rows.forEach((k, a) -> out.add(row(k, a)));
        out.sort(Comparator.comparingLong((Map<String, Object> m) -> (Long) m.get("count")).reversed());
        return out;
    }

    private static Map<String, Object> row(Key k, Acc a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", k.name());
        m.put("url", a.url);
        m.put("method", k.method());
        m.put("status", k.status());
        long count = a.reqs != null ? Math.round(a.reqs.sum) : a.duration != null ? a.duration.count : 0;
        m.put("count", count);
        m.put("failures", a.failed == null ? 0L : a.failed.passes());
        Fold d = a.duration == null ? new Fold("trend") : a.duration;
        m.put("avgMs", Json.num(d.avg()));
        m.put("p95Ms", Json.num(d.percentile(95)));
        m.put("p99Ms", Json.num(d.percentile(99)));
        m.put("minMs", Json.num(d.stat("min", 0)));
        m.put("maxMs", Json.num(d.stat("max", 0)));
        return m;
    }
}
