/**
 * What the outputs that push to a time-series store (statsd, influxdb, Prometheus remote write,
 * OpenTelemetry) share: a bounded buffer the pipeline fills without blocking, one pusher thread
 * that empties it every push interval (k6's SampleBuffer + PeriodicFlusher), counters of what was
 * pushed and dropped, and parsing of their {@code K6_*} settings.
 */
package dev.weft.output.push;
