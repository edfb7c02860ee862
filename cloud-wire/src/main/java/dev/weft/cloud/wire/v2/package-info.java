/**
 * k6 v1's metrics protocol ("cloud output v2"): {@code POST /v2/metrics/{referenceId}} with a
 * snappy-compressed protobuf {@link dev.weft.cloud.wire.v2.MetricSet}. Written from the field
 * numbers of k6's {@code pbcloud/metric.proto}; both ends use it: Weft's cloud output encodes
 * with {@link dev.weft.cloud.wire.v2.MetricsV2#encode}, the results service decodes with
 * {@link dev.weft.cloud.wire.v2.MetricsV2#decode}. Trends travel as histograms in k6's bucket
 * scheme ({@link dev.weft.cloud.wire.v2.K6Hdr}).
 */
package dev.weft.cloud.wire.v2;
