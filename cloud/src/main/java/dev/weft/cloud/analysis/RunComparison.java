package dev.weft.cloud.analysis;

import dev.weft.cloud.api.RunJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code GET /api/compare?base=A&run=B}: two runs side by side (any run may be the baseline),
 * with the same filters applied to both: per metric its key statistics (trends avg, p(95),
 * p(99), max; counters count and rate; rates value; gauges value) with the run's value minus
 * the baseline's ({@code deltaPct} against the baseline, null when it is 0); per HTTP row
 * count, failures and p95; per check passes and fails. Stateless.
 */
final class RunComparison {
    private RunComparison() {
    }

    static Map<String, Object> of(RunData base, RunData run) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("base", RunJson.of(base.run));
        out.put("run", RunJson.of(run.run));
        out.put("metrics", metrics(base, run));
        out.put("http", http(base, run));
        out.put("checks", checks(base, run));
        return out;
    }

    private static List<Map<String, Object>> metrics(RunData base, RunData run) {
        Map<String, Fold> a = base.byMetric();
        Map<String, Fold> b = run.byMetric();
        Set<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        List<Map<String, Object>> out = new ArrayList<>();
        for (String name : names) {
            Fold fa = a.get(name);
            Fold fb = b.get(name);
            String type = fa != null ? fa.type : fb.type;
            for (String stat : stats(type)) {
                Double va = fa == null ? null : Json.num(fa.stat(stat, base.seconds()));
                Double vb = fb == null ? null : Json.num(fb.stat(stat, run.seconds()));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", name);
                m.put("stat", stat);
                delta(m, va, vb);
                out.add(m);
            }
        }
        return out;
    }

    private static List<String> stats(String type) {
        return switch (type) {
            case "counter" -> List.of("count", "rate");
            case "rate", "gauge" -> List.of("value");
            default -> List.of("avg", "p(95)", "p(99)", "max");
        };
    }

    private static void delta(Map<String, Object> m, Double base, Double run) {
        m.put("base", base);
        m.put("run", run);
        m.put("delta", base == null || run == null ? null : Json.num(run - base));
        m.put("deltaPct", base == null || run == null || base == 0 ? null : Json.num(100.0 * (run - base) / base));
    }

    private static List<Map<String, Object>> http(RunData base, RunData run) {
        Map<List<Object>, Map<String, Object>> a = httpRows(base);
        Map<List<Object>, Map<String, Object>> b = httpRows(run);
        Set<List<Object>> keys = new LinkedHashSet<>(b.keySet());
        keys.addAll(a.keySet());
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<Object> k : keys) {
            Map<String, Object> ra = a.get(k);
            Map<String, Object> rb = b.get(k);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", k.get(0));
            m.put("method", k.get(1));
            m.put("status", k.get(2));
            m.put("url", (rb != null ? rb : ra).get("url"));
            Map<String, Object> bm = new LinkedHashMap<>();
            Map<String, Object> rm = new LinkedHashMap<>();
            Map<String, Object> dm = new LinkedHashMap<>();
            for (String f : List.of("count", "failures", "p95Ms")) {
                Double va = ra == null ? null : ((Number) ra.get(f)).doubleValue();
                Double vb = rb == null ? null : ((Number) rb.get(f)).doubleValue();
                bm.put(f, va);
                rm.put(f, vb);
                dm.put(f, va == null || vb == null ? null : Json.num(vb - va));
            }
            m.put("base", bm);
            m.put("run", rm);
            m.put("delta", dm);
            out.add(m);
        }
        return out;
    }

    private static Map<List<Object>, Map<String, Object>> httpRows(RunData data) {
        Map<List<Object>, Map<String, Object>> m = new LinkedHashMap<>();
        for (Map<String, Object> row : HttpTable.of(data)) {
            m.put(List.of(row.get("name"), row.get("method"), row.get("status")), row);
        }
        return m;
    }

    private static List<Map<String, Object>> checks(RunData base, RunData run) {
        Map<ChecksTree.CheckKey, long[]> a = ChecksTree.flat(base);
        Map<ChecksTree.CheckKey, long[]> b = ChecksTree.flat(run);
        Set<ChecksTree.CheckKey> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<Map<String, Object>> out = new ArrayList<>();
        for (ChecksTree.CheckKey k : keys) {
            long[] pa = a.get(k);
            long[] pb = b.get(k);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", k.path());
            m.put("name", k.name());
            m.put("basePasses", pa == null ? null : pa[0]);
            m.put("baseFails", pa == null ? null : pa[1]);
            m.put("runPasses", pb == null ? null : pb[0]);
            m.put("runFails", pb == null ? null : pb[1]);
            out.add(m);
        }
        return out;
    }
}
