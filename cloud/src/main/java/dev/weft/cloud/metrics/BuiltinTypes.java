package dev.weft.cloud.metrics;

/** The metric type of k6's built-in metrics by name, for wire samples that do not say it. */
final class BuiltinTypes {
    private BuiltinTypes() {
    }

    static String of(String metric) {
        return switch (metric) {
            case "http_reqs", "iterations", "data_sent", "data_received", "dropped_iterations" -> "counter";
            case "http_req_failed", "checks" -> "rate";
            case "vus", "vus_max" -> "gauge";
            default -> "trend";
        };
    }
}
