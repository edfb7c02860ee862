package dev.weft.cloud.metrics;

import java.util.List;

/**
 * What the run page plots, one entry per second from {@code fromSecond} on (epoch seconds).
 * A null value means the metric had no data in that second.
 *
 * @param vus        VUs (the vus gauge)
 * @param rps        HTTP requests per second
 * @param avg        mean http_req_duration, ms
 * @param p95        95th percentile of http_req_duration, ms
 * @param p99        99th percentile of http_req_duration, ms
 * @param errors     failed HTTP requests per second (http_req_failed)
 * @param checks     share of passed checks in percent
 * @param iterations iterations per second
 */
public record ChartSeries(long fromSecond, List<Long> seconds, List<Double> vus, List<Double> rps,
        List<Double> avg, List<Double> p95, List<Double> p99, List<Double> errors, List<Double> checks,
        List<Double> iterations) {
}
