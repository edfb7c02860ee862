package dev.weft.grpc;

import dev.weft.metrics.Metric;
import dev.weft.metrics.MetricRegistry;
import dev.weft.metrics.MetricType;
import dev.weft.metrics.ValueType;
import java.util.List;

/**
 * k6's gRPC metrics, with k6's names and types. The k6/net/grpc module registers them in the
 * test's registry when a VU first imports it (idempotent), so thresholds and the summary know them.
 */
public final class GrpcMetrics {
    public static final Metric REQ_DURATION = new Metric("grpc_req_duration", MetricType.TREND, ValueType.TIME);
    public static final Metric STREAMS = new Metric("grpc_streams", MetricType.COUNTER, ValueType.DEFAULT);
    public static final Metric STREAMS_MSGS_SENT =
            new Metric("grpc_streams_msgs_sent", MetricType.COUNTER, ValueType.DEFAULT);
    public static final Metric STREAMS_MSGS_RECEIVED =
            new Metric("grpc_streams_msgs_received", MetricType.COUNTER, ValueType.DEFAULT);

    public static final List<Metric> ALL = List.of(REQ_DURATION, STREAMS, STREAMS_MSGS_SENT, STREAMS_MSGS_RECEIVED);

    private GrpcMetrics() {
    }

    /** Declares every gRPC metric in {@code registry}; safe to call once per VU. */
    public static void register(MetricRegistry registry) {
        for (Metric m : ALL) {
            registry.register(m.name(), m.type(), m.valueType());
        }
    }
}
