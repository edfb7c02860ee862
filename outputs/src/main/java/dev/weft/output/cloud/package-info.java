/**
 * The {@code cloud} output: creates and finishes runs with k6's cloud API v1 calls and streams
 * a run's metrics with k6 v1's metrics protocol ({@code /v2/metrics}, protobuf + snappy) as
 * per-second aggregates per series, held in a byte-bounded buffer while the service is slow;
 * and {@code login cloud}'s token handling. Only the output SPI, metric types and the wire
 * types of {@code cloud-wire} are seen here.
 */
package dev.weft.output.cloud;
