/**
 * {@code --out opentelemetry}: k6's OpenTelemetry output on the OpenTelemetry Java SDK. Samples
 * are recorded into SDK instruments every flush interval (counters as float counters, gauges as
 * gauges, trends as histograms in ms or By, rates as the two integer counters
 * {@code <name>.occurred} and {@code <name>.total}), with the tags as attributes and
 * {@code service.name}/{@code service.version} on the resource; the SDK's periodic reader exports
 * cumulative data over OTLP (gRPC or HTTP/protobuf) every export interval.
 */
package dev.weft.output.opentelemetry;
