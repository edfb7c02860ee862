/**
 * {@code --out statsd}: every sample as a StatsD line over UDP, with DogStatsD tags when
 * {@code K6_STATSD_ENABLE_TAGS} is on, as k6's statsd output (removed from k6 in v0.55, carried on
 * by the xk6-output-statsd extension with the same settings) sends them.
 */
package dev.weft.output.statsd;
