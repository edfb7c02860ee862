package dev.weft.http;

import java.util.ArrayList;
import java.util.List;

/**
 * k6's response callback from {@code http.expectedStatuses(...)}: which statuses count as
 * expected for {@code http_req_failed} and the {@code expected_response} tag. A network failure
 * (status 0) is expected only when 0 is listed. Immutable; shared.
 */
public record ExpectedStatuses(List<Range> ranges) {
    /** An inclusive range of statuses. */
    public record Range(int min, int max) {
    }

    private static final ExpectedStatuses DEFAULT = new ExpectedStatuses(List.of(new Range(200, 399)));

    public ExpectedStatuses {
        ranges = List.copyOf(ranges);
    }

    /** k6's default: 200 to 399. */
    public static ExpectedStatuses defaults() {
        return DEFAULT;
    }

    public static ExpectedStatuses of(int... statuses) {
        List<Range> r = new ArrayList<>();
        for (int s : statuses) {
            r.add(new Range(s, s));
        }
        return new ExpectedStatuses(r);
    }

    public ExpectedStatuses plusRange(int min, int max) {
        List<Range> r = new ArrayList<>(ranges);
        r.add(new Range(min, max));
        return new ExpectedStatuses(r);
    }

    public boolean isExpected(int status) {
        for (Range r : ranges) {
            if (status >= r.min && status <= r.max) {
                return true;
            }
        }
        return false;
    }
}
