package dev.weft.threshold;

import java.util.List;

/**
 * The thresholds configured on one key of {@code options.thresholds}.
 *
 * @param key a metric name, or a sub-metric such as {@code http_req_duration{status:200}}
 */
public record MetricThresholds(String key, List<Threshold> thresholds) {
    public MetricThresholds {
        thresholds = List.copyOf(thresholds);
    }

    /** The metric's name without any sub-metric braces. */
    public String metricName() {
        int brace = key.indexOf('{');
        return brace < 0 ? key : key.substring(0, brace);
    }
}
