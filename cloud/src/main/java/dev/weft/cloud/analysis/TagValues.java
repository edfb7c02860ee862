package dev.weft.cloud.analysis;

import dev.weft.cloud.store.Database;
import dev.weft.cloud.run.TestRun;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code GET /api/runs/{id}/tags}: the values each tag takes in the run's series, for the
 * filter menus: {@code scenario}, {@code group} and every other key under {@code tags}, at
 * most {@link #CAP} values per key ({@code "truncated": true} when a key had more). Stateless.
 */
final class TagValues {
    static final int CAP = 500;

    private TagValues() {
    }

    static Map<String, Object> of(Database db, TestRun run) throws SQLException {
        Map<String, Set<String>> values = new TreeMap<>();
        boolean[] truncated = new boolean[1];
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT tags FROM metric_series WHERE run_id = ?")) {
                ps.setLong(1, run.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        RunData.tags(rs.getString(1)).forEach((k, v) -> {
                            Set<String> set = values.computeIfAbsent(k, x -> new TreeSet<>());
                            if (set.size() < CAP) {
                                set.add(v);
                            } else if (!set.contains(v)) {
                                truncated[0] = true;
                            }
                        });
                    }
                }
            }
            return null;
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scenario", values.getOrDefault("scenario", Set.of()));
        out.put("group", values.getOrDefault("group", Set.of()));
        Map<String, Set<String>> tags = new TreeMap<>(values);
        tags.remove("scenario");
        tags.remove("group");
        tags.remove("weft_overflow");
        out.put("tags", tags);
        out.put("truncated", truncated[0]);
        return out;
    }
}
