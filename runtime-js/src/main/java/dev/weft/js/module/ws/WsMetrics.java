package dev.weft.js.module.ws;

import dev.weft.metrics.Metric;
import dev.weft.metrics.MetricRegistry;
import dev.weft.metrics.MetricType;
import dev.weft.metrics.ValueType;
import java.util.List;

/**
 * k6's WebSocket metrics, with k6's names and types. The WebSocket modules register them in the
 * test's registry when a VU first imports one (idempotent), so thresholds and the summary know them.
 */
public final class WsMetrics {
    public static final Metric WS_SESSIONS = new Metric("ws_sessions", MetricType.COUNTER, ValueType.DEFAULT);
    public static final Metric WS_CONNECTING = new Metric("ws_connecting", MetricType.TREND, ValueType.TIME);
    public static final Metric WS_SESSION_DURATION =
            new Metric("ws_session_duration", MetricType.TREND, ValueType.TIME);
    public static final Metric WS_MSGS_SENT = new Metric("ws_msgs_sent", MetricType.COUNTER, ValueType.DEFAULT);
    public static final Metric WS_MSGS_RECEIVED =
            new Metric("ws_msgs_received", MetricType.COUNTER, ValueType.DEFAULT);
    public static final Metric WS_PING = new Metric("ws_ping", MetricType.TREND, ValueType.TIME);

    public static final List<Metric> ALL = List.of(WS_SESSIONS, WS_CONNECTING, WS_SESSION_DURATION, WS_MSGS_SENT,
            WS_MSGS_RECEIVED, WS_PING);

    private WsMetrics() {
    }

    /** Declares every WebSocket metric in {@code registry}; safe to call once per VU. */
    public static void register(MetricRegistry registry) {
        for (Metric m : ALL) {
            registry.register(m.name(), m.type(), m.valueType());
        }
    }
}
