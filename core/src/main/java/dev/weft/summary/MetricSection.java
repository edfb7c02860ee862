package dev.weft.summary;

import java.util.List;
import java.util.Locale;

/**
 * The sections k6 v1's summary sorts metrics into, in the order they are printed (custom
 * metrics first), and which metrics each mode leaves out. Names match by prefix, as k6's do,
 * so a sub-metric goes where its parent goes.
 */
enum MetricSection {
    CUSTOM, HTTP, EXECUTION, NETWORK, BROWSER, WEB_VITALS, GRPC, WEBSOCKET;

    private static final List<String> HTTP_METRICS = List.of("http_reqs", "http_req_failed", "http_req_duration",
            "http_req_blocked", "http_req_connecting", "http_req_tls_handshaking", "http_req_sending",
            "http_req_waiting", "http_req_receiving");
    private static final List<String> EXECUTION_METRICS = List.of("vus", "vus_max", "iterations",
            "iteration_duration", "dropped_iterations");
    private static final List<String> NETWORK_METRICS = List.of("data_sent", "data_received");
    private static final List<String> ALWAYS_SKIPPED = List.of("checks", "group_duration");
    private static final List<String> COMPACT_SKIPPED = List.of("checks", "group_duration", "http_req_blocked",
            "http_req_connecting", "http_req_receiving", "http_req_sending", "http_req_tls_handshaking",
            "http_req_waiting");

    static MetricSection of(String metricName) {
        if (startsWithAny(metricName, HTTP_METRICS)) {
            return HTTP;
        }
        if (startsWithAny(metricName, EXECUTION_METRICS)) {
            return EXECUTION;
        }
        if (startsWithAny(metricName, NETWORK_METRICS)) {
            return NETWORK;
        }
        if (metricName.startsWith("browser_web_vital_")) {
            return WEB_VITALS;
        }
        if (metricName.startsWith("browser_")) {
            return BROWSER;
        }
        if (metricName.startsWith("grpc_")) {
            return GRPC;
        }
        if (metricName.startsWith("ws_")) {
            return WEBSOCKET;
        }
        return CUSTOM;
    }

    /** Whether the summary in {@code mode} leaves this metric out of its metric sections. */
    static boolean skipped(String metricName, SummaryMode mode) {
        return startsWithAny(metricName, mode == SummaryMode.COMPACT ? COMPACT_SKIPPED : ALWAYS_SKIPPED);
    }

    String title() {
        return name().toUpperCase(Locale.ROOT);
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        for (String p : prefixes) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
