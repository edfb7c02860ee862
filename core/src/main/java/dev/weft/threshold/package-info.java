/**
 * k6 thresholds: parsing {@code options.thresholds} at start-up (expressions such as
 * {@code p(95)<200} on metrics and tag-selected sub-metrics, with abortOnFail and
 * delayAbortEval), and evaluating them against the metric aggregates during and after the run.
 */
package dev.weft.threshold;
