package dev.weft.cloud.api;

import dev.weft.cloud.http.ApiException;
import dev.weft.cloud.wire.TestFinishedRequest;
import dev.weft.cloud.wire.TestRunRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Validates the create and finish bodies before anything is stored: a bad field is a
 * {@code 400} whose {@code field_errors} name each field and what is wrong with it (k6 prints
 * them under the message). Stateless; called on request threads.
 */
final class RequestChecks {
    /** Metrics with thresholds per run; k6 scripts have a handful. */
    static final int MAX_THRESHOLD_METRICS = 200;
    /** Threshold expressions per metric. */
    static final int MAX_THRESHOLDS_PER_METRIC = 50;
    static final int MAX_THRESHOLD_CHARS = 1000;
    /** A threshold's key: a k6 metric name, optionally with a {tag:value} selector. */
    private static final Pattern THRESHOLD_KEY = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{1,128}(\\{.{0,1000}\\})?",
            Pattern.DOTALL);

    private RequestChecks() {
    }

    static void create(TestRunRequest r) throws ApiException {
        Map<String, List<String>> errors = new TreeMap<>();
        if (r.vus() < 0) {
            add(errors, "vus", "must be 0 or more, got " + r.vus());
        }
        if (r.durationSeconds() < -1) {
            add(errors, "duration", "must be -1 (unknown), 0 (continuous) or a number of seconds, got "
                    + r.durationSeconds());
        }
        if (r.name() != null && r.name().length() > 500) {
            add(errors, "name", "must have at most 500 characters, got " + r.name().length());
        }
        thresholdKeys(errors, r.thresholds() == null ? Map.of() : r.thresholds());
        fail("invalid test run", errors);
    }

    static void finish(TestFinishedRequest r) throws ApiException {
        Map<String, List<String>> errors = new TreeMap<>();
        if (r.runStatus() < 0 || r.runStatus() > 99) {
            add(errors, "run_status", "must be one of k6's run status codes, got " + r.runStatus());
        }
        if (r.resultStatus() != 0 && r.resultStatus() != 1) {
            add(errors, "result_status", "must be 0 (passed) or 1 (failed), got " + r.resultStatus());
        }
        if (r.droppedSamples() != null && r.droppedSamples() < 0) {
            add(errors, "weft_dropped_samples", "must be 0 or more, got " + r.droppedSamples());
        }
        thresholdKeys(errors, r.thresholds() == null ? Map.of() : r.thresholds());
        fail("invalid finish of the test run", errors);
    }

    private static void thresholdKeys(Map<String, List<String>> errors, Map<String, ?> thresholds) {
        if (thresholds.size() > MAX_THRESHOLD_METRICS) {
            add(errors, "thresholds", "at most " + MAX_THRESHOLD_METRICS + " metrics may have thresholds, got "
                    + thresholds.size());
            return;
        }
        for (Map.Entry<String, ?> e : thresholds.entrySet()) {
            String field = "thresholds." + abbreviate(e.getKey());
            if (!THRESHOLD_KEY.matcher(e.getKey()).matches()) {
                add(errors, field, "is not a k6 metric name (a letter or _, then 1 to 128 letters, digits or _, "
                        + "optionally {tag:value})");
            }
            Object value = e.getValue();
            int size = value instanceof List<?> l ? l.size() : value instanceof Map<?, ?> m ? m.size() : 0;
            if (size > MAX_THRESHOLDS_PER_METRIC) {
                add(errors, field, "at most " + MAX_THRESHOLDS_PER_METRIC + " thresholds per metric, got " + size);
            }
            Iterable<?> items = value instanceof List<?> l ? l : value instanceof Map<?, ?> m ? m.keySet() : List.of();
            for (Object source : items) {
                if (source == null || source.toString().isEmpty() || source.toString().length() > MAX_THRESHOLD_CHARS) {
                    add(errors, field, "a threshold must have 1 to " + MAX_THRESHOLD_CHARS + " characters");
                    break;
                }
            }
        }
    }

    private static String abbreviate(String key) {
        return key.length() <= 60 ? key : key.substring(0, 60) + "...";
    }

    private static void add(Map<String, List<String>> errors, String field, String problem) {
        errors.computeIfAbsent(field, k -> new ArrayList<>()).add(problem);
    }

    private static void fail(String what, Map<String, List<String>> errors) throws ApiException {
        if (errors.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(what).append(": ");
        errors.forEach((field, problems) -> message.append(field).append(' ').append(problems.get(0)).append("; "));
        message.setLength(message.length() - 2);
        throw new ApiException(400, 0, message.toString(), errors);
    }
}
