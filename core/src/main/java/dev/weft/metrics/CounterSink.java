package dev.weft.metrics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sum of a counter's samples, and its rate per second over the test run. Single writer. */
public final class CounterSink implements MetricSink {
    private double sum;
    private boolean seen;

    @Override
    public void add(double value) {
        sum += value;
        seen = true;
    }

    @Override
    public boolean isEmpty() {
        return !seen;
    }

    public double count() {
        return sum;
    }

    /** Sum per second of test run time; 0 before any time has passed. */
    public double rate(Duration elapsed) {
        double s = MetricSink.seconds(elapsed);
        return s > 0 ? sum / s : 0;
    }

    @Override
    public double stat(String name, Duration elapsed) {
        return switch (name) {
            case "count" -> sum;
            case "rate" -> elapsed.isZero() ? Double.NaN : rate(elapsed);
            default -> Double.NaN;
        };
    }

    @Override
    public Map<String, Double> summaryValues(Duration elapsed, List<String> trendStats) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("count", sum);
        m.put("rate", rate(elapsed));
        return m;
    }
}
