package dev.weft.cloud.wire.v2;

/**
 * One aggregation period's value of a time series. {@code timeSeconds} is the start of the
 * period in seconds since the epoch (k6 sends whole seconds: the protobuf Timestamp's nanos
 * are 0).
 */
public sealed interface SampleValue permits CounterValue, GaugeValue, RateValue, TrendHdrValue {
    long timeSeconds();
}
