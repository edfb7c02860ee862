package dev.weft.metrics;

import java.util.List;

/** k6's built-in metrics, with k6's names, types and value types. */
public final class BuiltinMetrics {
    private BuiltinMetrics() {
    }

    public static final Metric VUS = Metric.gauge("vus");
    public static final Metric VUS_MAX = Metric.gauge("vus_max");
    public static final Metric ITERATIONS = Metric.counter("iterations");
    public static final Metric ITERATION_DURATION = Metric.trend("iteration_duration", ValueType.TIME);
    public static final Metric DROPPED_ITERATIONS = Metric.counter("dropped_iterations");
    public static final Metric DATA_SENT = new Metric("data_sent", MetricType.COUNTER, ValueType.DATA);
    public static final Metric DATA_RECEIVED = new Metric("data_received", MetricType.COUNTER, ValueType.DATA);
    public static final Metric CHECKS = Metric.rate("checks");
    public static final Metric GROUP_DURATION = Metric.trend("group_duration", ValueType.TIME);

    public static final Metric HTTP_REQS = Metric.counter("http_reqs");
    public static final Metric HTTP_REQ_FAILED = Metric.rate("http_req_failed");
    public static final Metric HTTP_REQ_DURATION = Metric.trend("http_req_duration", ValueType.TIME);
    public static final Metric HTTP_REQ_BLOCKED = Metric.trend("http_req_blocked", ValueType.TIME);
    public static final Metric HTTP_REQ_CONNECTING = Metric.trend("http_req_connecting", ValueType.TIME);
    public static final Metric HTTP_REQ_TLS_HANDSHAKING = Metric.trend("http_req_tls_handshaking", ValueType.TIME);
    public static final Metric HTTP_REQ_SENDING = Metric.trend("http_req_sending", ValueType.TIME);
    public static final Metric HTTP_REQ_WAITING = Metric.trend("http_req_waiting", ValueType.TIME);
    public static final Metric HTTP_REQ_RECEIVING = Metric.trend("http_req_receiving", ValueType.TIME);

    public static final List<Metric> ALL = List.of(VUS, VUS_MAX, ITERATIONS, ITERATION_DURATION,
            DROPPED_ITERATIONS, DATA_SENT, DATA_RECEIVED, CHECKS, GROUP_DURATION, HTTP_REQS,
            HTTP_REQ_FAILED, HTTP_REQ_DURATION, HTTP_REQ_BLOCKED, HTTP_REQ_CONNECTING,
            HTTP_REQ_TLS_HANDSHAKING, HTTP_REQ_SENDING, HTTP_REQ_WAITING, HTTP_REQ_RECEIVING);
}
