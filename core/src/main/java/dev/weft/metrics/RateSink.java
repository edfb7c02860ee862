package dev.weft.metrics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How many of a rate's samples were non-zero ("passes") out of all. Single writer. */
public final class RateSink implements MetricSink {
    private long passes;
    private long total;

    @Override
    public void add(double value) {
        total++;
        if (value != 0) {
            passes++;
        }
    }

    @Override
    public boolean isEmpty() {
        return total == 0;
    }

    public long passes() {
        return passes;
    }

    public long fails() {
        return total - passes;
    }

    public long total() {
        return total;
    }

    /** Share of non-zero samples, 0 when there were none. */
    public double rate() {
        return total == 0 ? 0 : (double) passes / total;
    }

    @Override
    public double stat(String name, Duration elapsed) {
        return "rate".equals(name) && total > 0 ? rate() : Double.NaN;
    }

    @Override
    public Map<String, Double> summaryValues(Duration elapsed, List<String> trendStats) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("rate", rate());
        m.put("passes", (double) passes);
        m.put("fails", (double) fails());
        return m;
    }
}
