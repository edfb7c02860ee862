package dev.weft.summary;

import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.MetricAggregates;
import dev.weft.metrics.MetricSink;
import dev.weft.threshold.ThresholdEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What k6 v1's end-of-test summary shows ({@code compact} and {@code full} modes): thresholds with
 * the values they were judged on, the run's total results, and in {@code full} mode every group
 * and scenario. Built once by the CLI at the end of the run; rendered by {@link V1TextSummary}.
 *
 * @param thresholds one block per metric with thresholds, sorted as k6 sorts metric names
 * @param total      the whole run's checks and metrics
 * @param groups     the default scenario's groups (full mode; empty otherwise)
 * @param scenarios  named scenarios sorted by name (full mode; empty otherwise)
 */
public record SummaryReport(List<ThresholdBlock> thresholds, Scope total, Map<String, Scope> groups,
        Map<String, Scope> scenarios) {

    /** A metric's summary values as handleSummary names them ({@code avg}, {@code rate}, ...). */
    public record MetricView(String name, String type, String contains, Map<String, Double> values) {
    }

    /** One threshold expression as written and whether it passed. */
    public record ThresholdView(String source, boolean ok) {
    }

    public record ThresholdBlock(MetricView metric, List<ThresholdView> thresholds) {
    }

    public record CheckView(String name, long passes, long fails) {
    }

    /** checks_total, checks_succeeded, checks_failed, then each check in first-seen order. */
    public record Checks(List<MetricView> metrics, List<CheckView> ordered) {
    }

    /**
     * The whole run, a scenario or a group.
     *
     * @param checks   null when no check ran in this scope
     * @param sections metrics by section, in printing order, empty sections left out
     */
    public record Scope(Checks checks, Map<MetricSection, List<MetricView>> sections, Map<String, Scope> groups) {
    }

    /** Builds the report; reads the aggregates under their locks. */
    public static SummaryReport build(SummaryMode mode, MetricAggregates aggregates, ScopedResults scoped,
            ThresholdEngine thresholds, SummaryOptions options, Duration elapsed) {
        List<String> stats = options.trendStats();
        List<ThresholdBlock> blocks = aggregates.read(() -> thresholdBlocks(aggregates, thresholds, stats, elapsed));
        Scope total = aggregates.read(() -> scoped.read(() -> {
            Map<MetricSection, List<MetricView>> sections = new EnumMap<>(MetricSection.class);
            MetricSink checks = null;
            for (MetricAggregates.Entry e : aggregates.observed()) {
                if (e.name().equals(BuiltinMetrics.CHECKS.name())) {
                    checks = e.sink();
                }
                addToSection(sections, mode, view(e.name(), e.metric().type().k6Name(),
                        e.metric().valueType().k6Name(), e.sink(), stats, elapsed));
            }
            return new Scope(checks == null ? null : checks(checks, scoped.rootChecks(), elapsed), sort(sections),
                    Map.of());
        }));
        if (mode != SummaryMode.FULL) {
            return new SummaryReport(blocks, total, Map.of(), Map.of());
        }
        return scoped.read(() -> {
            Map<String, Scope> groups = scopes(scoped.topGroups(), mode, stats, elapsed);
            Map<String, Scope> scenarios = scopes(new TreeMap<>(scoped.scenarios()), mode, stats, elapsed);
            return new SummaryReport(blocks, total, groups, scenarios);
        });
    }

    private static List<ThresholdBlock> thresholdBlocks(MetricAggregates aggregates, ThresholdEngine thresholds,
            List<String> stats, Duration elapsed) {
        List<ThresholdBlock> blocks = new ArrayList<>();
        if (thresholds == null) {
            return blocks;
        }
        List<String> keys = new ArrayList<>(thresholds.okByKey().keySet());
        keys.sort(SummaryData::compareMetricNames);
        Map<String, Map<String, Boolean>> ok = thresholds.okByKey();
        for (String key : keys) {
            MetricAggregates.Entry e = aggregates.get(key).orElse(null);
            if (e == null) {
                continue;
            }
            MetricView metric = view(key, e.metric().type().k6Name(), e.metric().valueType().k6Name(), e.sink(),
                    stats, elapsed);
            List<ThresholdView> results = new ArrayList<>();
            for (Map.Entry<String, Boolean> t : ok.get(key).entrySet()) {
                results.add(new ThresholdView(t.getKey(), t.getValue()));
                String agg = V1TextSummary.thresholdAggregation(t.getKey());
                if ("trend".equals(metric.type()) && !metric.values().containsKey(agg)) {
                    metric.values().put(agg, e.sink().stat(agg, elapsed));
                }
            }
            blocks.add(new ThresholdBlock(metric, results));
        }
        return blocks;
    }

    private static Map<String, Scope> scopes(Map<String, ScopeAggregate> from, SummaryMode mode, List<String> stats,
            Duration elapsed) {
        Map<String, Scope> out = new LinkedHashMap<>();
        from.forEach((name, scope) -> out.put(name, scope(scope, mode, stats, elapsed)));
        return out;
    }

    private static Scope scope(ScopeAggregate scope, SummaryMode mode, List<String> stats, Duration elapsed) {
        Map<MetricSection, List<MetricView>> sections = new EnumMap<>(MetricSection.class);
        scope.metrics().forEach((name, a) -> addToSection(sections, mode,
                view(name, a.metric().type().k6Name(), a.metric().valueType().k6Name(), a.sink(), stats, elapsed)));
        ScopeAggregate.Aggregate checks = scope.metrics().get(BuiltinMetrics.CHECKS.name());
        return new Scope(checks == null ? null : checks(checks.sink(), scope.checks(), elapsed), sort(sections),
                scopes(scope.groups(), mode, stats, elapsed));
    }

    private static void addToSection(Map<MetricSection, List<MetricView>> sections, SummaryMode mode, MetricView v) {
        if (!MetricSection.skipped(v.name(), mode)) {
            sections.computeIfAbsent(MetricSection.of(v.name()), s -> new ArrayList<>()).add(v);
        }
    }

    private static Map<MetricSection, List<MetricView>> sort(Map<MetricSection, List<MetricView>> sections) {
        sections.values().forEach(l -> l.sort((a, b) -> SummaryData.compareMetricNames(a.name(), b.name())));
        return sections;
    }

    private static MetricView view(String name, String type, String contains, MetricSink sink, List<String> stats,
            Duration elapsed) {
        return new MetricView(name, type, contains, new LinkedHashMap<>(sink.summaryValues(elapsed, stats)));
    }

    private static Checks checks(MetricSink rate, Map<String, long[]> byName, Duration elapsed) {
        Map<String, Double> counts = rate.summaryValues(elapsed, List.of());
        double succeeded = counts.get("passes");
        double total = succeeded + counts.get("fails");
        double seconds = MetricSink.seconds(elapsed);
        Map<String, Double> totalValues = new LinkedHashMap<>();
        totalValues.put("count", total);
        totalValues.put("rate", seconds == 0 ? 0 : total / seconds);
        Map<String, Double> failedValues = new LinkedHashMap<>();
        failedValues.put("rate", total == 0 ? 0 : (total - succeeded) / total);
        failedValues.put("passes", total - succeeded);
        failedValues.put("fails", succeeded);
        Map<String, Double> succeededValues = new LinkedHashMap<>();
        succeededValues.put("rate", total == 0 ? 0 : succeeded / total);
        succeededValues.put("passes", succeeded);
        succeededValues.put("fails", total - succeeded);
        List<MetricView> metrics = List.of(new MetricView("checks_total", "counter", "default", totalValues),
                new MetricView("checks_succeeded", "rate", "default", succeededValues),
                new MetricView("checks_failed", "rate", "default", failedValues));
        List<CheckView> ordered = new ArrayList<>();
        byName.forEach((name, c) -> ordered.add(new CheckView(name, c[0], c[1])));
        return new Checks(metrics, ordered);
    }
}
