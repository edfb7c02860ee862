/**
 * {@code --out experimental-prometheus-rw}: k6's Prometheus remote-write output. Every push
 * interval, each series (metric + tags) that got samples is sent as its value since the start of
 * the test: counters as {@code k6_<name>_total}, gauges as {@code k6_<name>}, rates as
 * {@code k6_<name>_rate}, trends as one gauge per configured stat ({@code k6_<name>_p99}, in
 * seconds for times) or as a native histogram; a protobuf WriteRequest, snappy-compressed,
 * POSTed over HTTP(S).
 */
package dev.weft.output.prometheus;
