package dev.weft.cloud.summary;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The group tree of a run, rebuilt from the {@code group} tags of its series (k6 writes a
 * group's path as {@code ::outer::inner}, the root as empty), with each group's checks and
 * their passes and fails from the {@code checks} series. Ids are k6's: the MD5 of the path.
 * Mutable; owned by one summary request.
 */
final class SummaryGroups {
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

    private final Group root = new Group("", "");

    /** Makes sure the group of this path (and its parents) exists. */
    void group(String path) {
        find(path);
    }

    /** Adds a check's passes and fails under the group of this path. */
    void check(String groupPath, String name, long passes, long fails) {
        long[] pf = find(groupPath).checks.computeIfAbsent(name, n -> new long[2]);
        pf[0] += passes;
        pf[1] += fails;
    }

    private Group find(String path) {
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

    /** The root group as k6's legacy export writes it: groups and checks keyed by name. */
    Map<String, Object> toJson() {
        return toJson(root);
    }

    private static Map<String, Object> toJson(Group g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", g.name);
        m.put("path", g.path);
        m.put("id", md5(g.path));
        Map<String, Object> groups = new LinkedHashMap<>();
        g.groups.forEach((name, child) -> groups.put(name, toJson(child)));
        m.put("groups", groups);
        Map<String, Object> checks = new LinkedHashMap<>();
        g.checks.forEach((name, pf) -> {
            String path = g.path + SEPARATOR + name;
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", name);
            c.put("path", path);
            c.put("id", md5(path));
            c.put("passes", pf[0]);
            c.put("fails", pf[1]);
            checks.put(name, c);
        });
        m.put("checks", checks);
        return m;
    }

    private static String md5(String text) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return String.format("%032x", new BigInteger(1, d));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
