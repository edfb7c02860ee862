package dev.weft.metrics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A gauge's latest value with the smallest and largest seen. Single writer. */
public final class GaugeSink implements MetricSink {
    private double value;
    private double min;
    private double max;
    private boolean seen;

    @Override
    public void add(double v) {
        value = v;
        if (!seen || v < min) {
            min = v;
        }
        if (!seen || v > max) {
            max = v;
        }
        seen = true;
    }

    @Override
    public boolean isEmpty() {
        return !seen;
    }

    public double value() {
        return value;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    @Override
    public double stat(String name, Duration elapsed) {
        return "value".equals(name) ? value : Double.NaN;
    }

    @Override
    public Map<String, Double> summaryValues(Duration elapsed, List<String> trendStats) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("value", value);
        m.put("min", min);
        m.put("max", max);
        return m;
    }
}
