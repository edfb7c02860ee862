package dev.weft.cloud.wire.v2;

import java.util.List;

/**
 * One metric with one tag set, and its values (one per aggregation period), all of the kind
 * that matches the metric's type: {@link CounterValue}, {@link GaugeValue}, {@link RateValue}
 * or {@link TrendHdrValue}. The encoder refuses a mix.
 */
public record TimeSeries(List<Label> labels, List<SampleValue> values) {
    public TimeSeries {
        labels = List.copyOf(labels);
        values = List.copyOf(values);
    }
}
