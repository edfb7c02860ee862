package dev.weft.cloud.analysis;

import dev.weft.cloud.http.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filters every per-run aggregating endpoint takes: {@code scenario}, {@code group} (a
 * group path such as {@code ::login}, exactly), {@code tag.<key>=<value>} (repeatable; all
 * must hold) and {@code from}/{@code to} (epoch milliseconds, inclusive, to the second). A
 * series matches when its tags carry every wanted value. Immutable.
 *
 * @param tags      wanted tag values, scenario and group included (key to values, all must hold)
 * @param fromSecond first second kept (epoch seconds), or {@link Long#MIN_VALUE}
 * @param toSecond   last second kept, or {@link Long#MAX_VALUE}
 */
record RunFilter(Map<String, List<String>> tags, long fromSecond, long toSecond) {
    static final RunFilter NONE = new RunFilter(Map.of(), Long.MIN_VALUE, Long.MAX_VALUE);

    static RunFilter of(Query q) throws ApiException {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : q.values().entrySet()) {
            String key = e.getKey();
            String tag = key.equals("scenario") || key.equals("group") ? key
                    : key.startsWith("tag.") ? key.substring(4) : null;
            if (tag != null) {
                tags.computeIfAbsent(tag, k -> new ArrayList<>()).addAll(e.getValue());
            }
        }
        long from = q.number("from", Long.MIN_VALUE);
        long to = q.number("to", Long.MAX_VALUE);
        long fromSecond = from == Long.MIN_VALUE ? Long.MIN_VALUE : Math.floorDiv(from, 1000);
        long toSecond = to == Long.MAX_VALUE ? Long.MAX_VALUE : Math.floorDiv(to, 1000);
        if (fromSecond > toSecond) {
            throw new ApiException(400, "query parameter 'from' (" + from + ") is after 'to' (" + to + ")");
        }
        return new RunFilter(Map.copyOf(tags), fromSecond, toSecond);
    }

    boolean hasTags() {
        return !tags.isEmpty();
    }

    boolean hasTime() {
        return fromSecond != Long.MIN_VALUE || toSecond != Long.MAX_VALUE;
    }

    boolean isNone() {
        return !hasTags() && !hasTime();
    }

    boolean matches(Map<String, String> seriesTags) {
        for (Map.Entry<String, List<String>> e : tags.entrySet()) {
            String have = seriesTags.get(e.getKey());
            for (String want : e.getValue()) {
                if (!want.equals(have)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** This filter with more tag conditions (a submetric's selector). */
    RunFilter and(Map<String, String> more) {
        if (more.isEmpty()) {
            return this;
        }
        Map<String, List<String>> all = new LinkedHashMap<>();
        tags.forEach((k, v) -> all.put(k, new ArrayList<>(v)));
        more.forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        return new RunFilter(Map.copyOf(all), fromSecond, toSecond);
    }
}
