/**
 * What the runner logged during a run: stored as it streams in with the samples
 * ({@code POST /v1/tests/{id}/logs}) and served to the run page ({@code GET /api/runs/{id}/logs}).
 */
package dev.weft.cloud.logs;
