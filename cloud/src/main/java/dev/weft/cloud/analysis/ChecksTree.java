package dev.weft.cloud.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/runs/{id}/checks}: the run's groups as a tree (from the {@code group} tags,
 * k6's {@code ::outer::inner} paths) with each group's checks and their passes and fails
 * (the {@code checks} rate's series, by their {@code check} tag). The answer is
 * {@code {"groups":[root]}}, the root having path "". Stateless.
 */
final class ChecksTree {
    private static final String SEPARATOR = "::";

    private static final class Group {
        final String name;
        final String path;
        final Map<String, Group> groups = new LinkedHashMap<>();
        final Map<String, long[]> checks = new LinkedHashMap<>();

        Group(String name, String path) {
            this.name = name;
            this.path = path;
        }
    }

    private ChecksTree() {
    }

    static Map<String, Object> of(RunData data) {
        Group root = new Group("", "");
        for (RunData.Row r : data.rows) {
            String group = r.series().tags().get("group");
            Group g = find(root, group);
            String check = r.series().tags().get("check");
            if (r.series().metric().equals("checks") && check != null) {
                long[] pf = g.checks.computeIfAbsent(check, n -> new long[2]);
                pf[0] += r.fold().passes();
                pf[1] += r.fold().fails();
            }
        }
        return Map.of("groups", List.of(json(root)));
    }

    private static Group find(Group root, String path) {
        if (path == null || path.isEmpty()) {
            return root;
        }
        Group g = root;
        String rest = path.startsWith(SEPARATOR) ? path.substring(SEPARATOR.length()) : path;
        StringBuilder at = new StringBuilder();
        for (String name : rest.split(SEPARATOR, -1)) {
            at.append(SEPARATOR).append(name);
            String childPath = at.toString();
            g = g.groups.computeIfAbsent(name, n -> new Group(n, childPath));
        }
        return g;
    }

    private static Map<String, Object> json(Group g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", g.path);
        m.put("name", g.name);
        List<Map<String, Object>> checks = new ArrayList<>();
        g.checks.forEach((name, pf) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", name);
            c.put("passes", pf[0]);
            c.put("fails", pf[1]);
            checks.add(c);
        });
        m.put("checks", checks);
        m.put("groups", g.groups.values().stream().map(ChecksTree::json).toList());
        return m;
    }

    /** A check by its group's path and its name. */
    record CheckKey(String path, String name) {
    }

    /** Every check with its passes and fails, flattened (for comparisons). */
    static Map<CheckKey, long[]> flat(RunData data) {
        Map<CheckKey, long[]> out = new LinkedHashMap<>();
        for (RunData.Row r : data.rows) {
            String check = r.series().tags().get("check");
            if (r.series().metric().equals("checks") && check != null) {
                long[] pf = out.computeIfAbsent(new CheckKey(r.series().tags().getOrDefault("group", ""), check),
                        k -> new long[2]);
                pf[0] += r.fold().passes();
                pf[1] += r.fold().fails();
            }
        }
        return out;
    }
}
