/**
 * The analysis API under {@code /api} (issue 15): projects and tests, a run's tiles,
 * thresholds with observed values, checks by group, HTTP and metrics tables, tag values,
 * downsampled series, comparisons and exports. Reads the rollups ingest keeps
 * ({@code series_totals}, {@code metric_rollup}, {@code metric_totals}) so a long run with many
 * series answers from one row per series, metric or second; {@link dev.weft.cloud.analysis.AnalysisRoutes}
 * is the entry point.
 */
package dev.weft.cloud.analysis;
