package dev.weft.metrics;

import java.util.Objects;

/**
 * A metric's identity: its name, type and value type. Immutable and safe to share between
 * threads; built-in metrics are constants in {@link BuiltinMetrics}, custom ones are declared
 * by scripts in init code.
 */
public record Metric(String name, MetricType type, ValueType valueType) {
    public Metric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(valueType, "valueType");
    }

    public static Metric counter(String name) {
        return new Metric(name, MetricType.COUNTER, ValueType.DEFAULT);
    }

    public static Metric gauge(String name) {
        return new Metric(name, MetricType.GAUGE, ValueType.DEFAULT);
    }

    public static Metric rate(String name) {
        return new Metric(name, MetricType.RATE, ValueType.DEFAULT);
    }

    public static Metric trend(String name, ValueType valueType) {
        return new Metric(name, MetricType.TREND, valueType);
    }
}
