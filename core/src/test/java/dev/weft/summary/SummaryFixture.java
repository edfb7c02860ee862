package dev.weft.summary;

import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Metric;
import dev.weft.metrics.MetricAggregates;
import dev.weft.metrics.MetricRegistry;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.threshold.ThresholdConfig;
import dev.weft.threshold.ThresholdEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A known, small test run: ten requests, checks in two groups, a gauge, data, two thresholds. */
final class SummaryFixture {
    final MetricAggregates aggregates = new MetricAggregates();
    final GroupTree groups = new GroupTree();
    final ScopedResults totals = new ScopedResults(false);
    final ScopedResults scopes = new ScopedResults(true);
    final ThresholdEngine thresholds;

    SummaryFixture() {
        this(defaultThresholds());
    }

    private static Map<String, Object> defaultThresholds() {
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("http_req_duration", List.of("p(95)<200"));
        cfg.put("checks", List.of("rate>0.9"));
        return cfg;
    }

    SummaryFixture(Map<String, Object> cfg) {
        aggregates.addDefaultSubmetrics();
        thresholds = ThresholdEngine.create(ThresholdConfig.parse(cfg), MetricRegistry.withBuiltins(), aggregates);

        List<Sample> s = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            s.add(sample(BuiltinMetrics.HTTP_REQ_DURATION, i, "expected_response", "true", "status", "200"));
            s.add(sample(BuiltinMetrics.HTTP_REQS, 1));
            s.add(sample(BuiltinMetrics.CHECKS, 1, "check", "status is 200", "group", ""));
            s.add(sample(BuiltinMetrics.CHECKS, i % 2, "check", "body ok", "group", "::my group"));
        }
        s.add(sample(BuiltinMetrics.GROUP_DURATION, 12.5, "group", "::my group::inner"));
        s.add(sample(BuiltinMetrics.GROUP_DURATION, 30, "group", "::my group"));
        s.add(sample(BuiltinMetrics.VUS, 1));
        s.add(sample(BuiltinMetrics.VUS, 5));
        s.add(sample(BuiltinMetrics.VUS, 3));
        s.add(sample(BuiltinMetrics.DATA_RECEIVED, 5200));
        ingest(s);
    }

    /** Adds a failed request and check in scenario "api", group "login", and a check in setup. */
    SummaryFixture withScenarioAndSetup() {
        ingest(List.of(
                sample(BuiltinMetrics.HTTP_REQ_DURATION, 40, "scenario", "api", "group", "::login", "status", "500"),
                sample(BuiltinMetrics.CHECKS, 0, "scenario", "api", "group", "::login", "check", "logged in"),
                sample(BuiltinMetrics.CHECKS, 1, "group", "::setup", "check", "setup ok")));
        return this;
    }

    private void ingest(List<Sample> s) {
        aggregates.ingest(s);
        groups.ingest(s);
        totals.ingest(s);
        scopes.ingest(s);
        thresholds.evaluateFinal(Duration.ofSeconds(10));
    }

    private static Sample sample(Metric m, double v, String... tags) {
        return new Sample(m, Tags.of(tags), 0, v);
    }
}
