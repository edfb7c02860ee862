package dev.weft.summary;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Sample;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The groups and checks of the run, in the order they were first seen (k6's lib.Group tree),
 * built from {@code checks} samples (tags {@code check} and {@code group}) and
 * {@code group_duration} samples (tag {@code group}, the group's own path). A group path is
 * {@code ""} for the root and {@code ::outer::inner} below it.
 *
 * <p>Registered as a pipeline ingester: {@link #ingest(List)} runs on the pipeline's consumer
 * thread; {@link #toJson()} may be called from any thread.
 */
public final class GroupTree {
    /** k6's separator between group names in a path. */
    public static final String SEPARATOR = "::";

    private final ReentrantLock lock = new ReentrantLock();
    private final Group root = new Group("", "");

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

    public void ingest(List<Sample> batch) {
        lock.lock();
        try {
            for (Sample s : batch) {
                String metric = s.metric().name();
                if (metric.equals(BuiltinMetrics.CHECKS.name())) {
                    String check = s.tags().get("check");
                    if (check != null) {
                        long[] counts = groupAt(s.tags().get("group")).checks.computeIfAbsent(check, c -> new long[2]);
                        counts[s.value() != 0 ? 0 : 1]++;
                    }
                } else if (metric.equals(BuiltinMetrics.GROUP_DURATION.name())) {
                    groupAt(s.tags().get("group"));
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private Group groupAt(String path) {
        Group g = root;
        if (path == null || path.isEmpty()) {
            return g;
        }
        String rest = path.startsWith(SEPARATOR) ? path.substring(SEPARATOR.length()) : path;
        for (String name : rest.split(SEPARATOR, -1)) {
            Group parent = g;
            g = parent.groups.computeIfAbsent(name, n -> new Group(n, parent.path + SEPARATOR + n));
        }
        return g;
    }

    /**
     * handleSummary's {@code root_group}: {@code {name, path, id, groups: [...], checks: [{name,
     * path, id, passes, fails}]}}, ids being the MD5 of the path as in k6.
     */
    public JsonObject toJson() {
        lock.lock();
        try {
            return export(root);
        } finally {
            lock.unlock();
        }
    }

    private static JsonObject export(Group g) {
        JsonObject o = new JsonObject();
        o.addProperty("name", g.name);
        o.addProperty("path", g.path);
        o.addProperty("id", md5(g.path));
        JsonArray groups = new JsonArray();
        for (Group child : g.groups.values()) {
            groups.add(export(child));
        }
        o.add("groups", groups);
        JsonArray checks = new JsonArray();
        for (Map.Entry<String, long[]> c : g.checks.entrySet()) {
            JsonObject check = new JsonObject();
            String path = g.path + SEPARATOR + c.getKey();
            check.addProperty("name", c.getKey());
            check.addProperty("path", path);
            check.addProperty("id", md5(path));
            check.addProperty("passes", c.getValue()[0]);
            check.addProperty("fails", c.getValue()[1]);
            checks.add(check);
        }
        o.add("checks", checks);
        return o;
    }

    static String md5(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java runtime", e);
        }
    }
}
