package dev.weft.cloud.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/runs/{id}/metrics}: every metric of the run, custom ones included, with the
 * values k6's end-of-test summary shows for its type — counters count and rate, gauges value,
 * min and max, rates value, passes and fails, trends avg, min, med, max, p(90), p(95), p(99)
 * (and count). Stateless.
 */
final class MetricsTable {
    /** Built-in trends measured in milliseconds (custom trends say so only to their runner). */
    private static final Set<String> TIME = Set.of("http_req_duration", "http_req_blocked", "http_req_connecting",
            "http_req_tls_handshaking", "http_req_sending", "http_req_waiting", "http_req_receiving",
            "iteration_duration", "group_duration", "ws_connecting", "ws_session_duration", "ws_ping",
            "grpc_req_duration", "browser_web_vital_lcp", "browser_web_vital_fcp", "browser_web_vital_inp",
            "browser_web_vital_ttfb");
    private static final Set<String> DATA = Set.of("data_sent", "data_received");

    private MetricsTable() {
    }

    static List<Map<String, Object>> of(RunData data) {
        List<Map<String, Object>> out = new ArrayList<>();
        double seconds = data.seconds();
        data.byMetric().forEach((name, f) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("type", f.type);
            m.put("contains", contains(name));
            m.put("values", values(f, seconds));
            out.add(m);
        });
        return out;
    }

    static String contains(String metric) {
        return TIME.contains(metric) ? "time" : DATA.contains(metric) ? "data" : "default";
    }

    static Map<String, Object> values(Fold f, double seconds) {
        Map<String, Object> v = new LinkedHashMap<>();
        switch (f.type) {
            case "counter" -> {
                v.put("count", Json.num(f.sum));
                v.put("rate", Json.num(f.stat("rate", seconds)));
            }
            case "gauge" -> {
                v.put("value", Json.num(f.last));
                v.put("min", Json.num(f.count == 0 ? 0 : f.min));
                v.put("max", Json.num(f.count == 0 ? 0 : f.max));
            }
            case "rate" -> {
                v.put("value", Json.num(f.ratio()));
                v.put("passes", f.passes());
                v.put("fails", f.fails());
            }
            default -> {
                for (String stat : List.of("avg", "min", "med", "max", "p(90)", "p(95)", "p(99)")) {
                    v.put(stat, Json.num(f.stat(stat, seconds)));
                }
                v.put("count", f.count);
            }
        }
        return v;
    }
}
