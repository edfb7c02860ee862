/**
 * Metric data: turning k6's wire samples into per-second aggregates per metric and tag set,
 * storing and merging them, and reading them back as chart series.
 */
package dev.weft.cloud.metrics;
