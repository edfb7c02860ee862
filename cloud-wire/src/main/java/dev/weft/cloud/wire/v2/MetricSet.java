package dev.weft.cloud.wire.v2;

import java.util.List;

/**
 * One v2 metrics body: every time series a runner flushes at once (k6 sends at most
 * {@code maxTimeSeriesInBatch}, default 1000, per body).
 *
 * @param testRunId                the run's reference id (k6 repeats it in the URL)
 * @param aggregationPeriodSeconds how many seconds each value covers (k6's {@code aggregationPeriod})
 */
public record MetricSet(String testRunId, int aggregationPeriodSeconds, List<Metric> metrics) {
    public MetricSet {
        testRunId = testRunId == null ? "" : testRunId;
        metrics = List.copyOf(metrics);
    }

    /** How many time series the body holds, over all metrics. */
    public int seriesCount() {
        int n = 0;
        for (Metric m : metrics) {
            n += m.timeSeries().size();
        }
        return n;
    }
}
