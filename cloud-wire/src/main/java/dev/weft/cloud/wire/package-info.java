/**
 * The wire protocol of k6's cloud API v1, shared by the cloud output (client) and the
 * results service (server): paths, headers, and Gson-serialisable records of every body.
 * A real k6 ({@code k6 run --out cloud} with {@code K6_CLOUD_HOST}) speaks the same shapes, so
 * it can stream into the Weft results service too. One extension, {@link SampleTypes#AGGREGATE},
 * carries Weft's per-second summaries with a mergeable histogram. k6 v1's protobuf metrics
 * protocol ({@code POST /v2/metrics}) is in {@link dev.weft.cloud.wire.v2}.
 */
package dev.weft.cloud.wire;
