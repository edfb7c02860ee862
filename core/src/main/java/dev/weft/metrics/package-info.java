/** Metrics: identities, tags, samples, the registry and per-metric aggregates (k6's Counter, Gauge, Rate, Trend). */
package dev.weft.metrics;
