package dev.weft.summary;

import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Metric;
import dev.weft.metrics.MetricSink;
import dev.weft.metrics.Sample;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The aggregates of one scenario or group for k6 v1's {@code full} summary: a sink per metric,
 * checks by name, and nested groups, all in first-seen order. Confined to
 * {@link ScopedResults}' lock.
 */
final class ScopeAggregate {
    /** A metric with this scope's own aggregate of it. */
    record Aggregate(Metric metric, MetricSink sink) {
    }

    private final Map<String, Aggregate> metrics = new LinkedHashMap<>();
    private final Map<String, long[]> checks = new LinkedHashMap<>();
    private final Map<String, ScopeAggregate> groups = new LinkedHashMap<>();

    void add(Sample s) {
        metrics.computeIfAbsent(s.metric().name(), n -> new Aggregate(s.metric(), MetricSink.forType(s.metric().type())))
                .sink().add(s.value());
        if (s.metric().name().equals(BuiltinMetrics.CHECKS.name())) {
            countCheck(checks, s);
        }
    }

    static void countCheck(Map<String, long[]> checks, Sample s) {
        String name = s.tags().get("check");
        if (name != null) {
            checks.computeIfAbsent(name, n -> new long[2])[s.value() != 0 ? 0 : 1]++;
        }
    }

    ScopeAggregate group(String name) {
        return groups.computeIfAbsent(name, n -> new ScopeAggregate());
    }

    Map<String, Aggregate> metrics() {
        return metrics;
    }

    Map<String, long[]> checks() {
        return checks;
    }

    Map<String, ScopeAggregate> groups() {
        return groups;
    }
}
