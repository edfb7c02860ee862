package dev.weft.cloud.wire.v2;

import java.util.List;

/** One metric of a {@link MetricSet} and its time series (one per tag set). */
public record Metric(String name, MetricType type, List<TimeSeries> timeSeries) {
    public Metric {
        name = name == null ? "" : name;
        type = type == null ? MetricType.UNSPECIFIED : type;
        timeSeries = List.copyOf(timeSeries);
    }
}
