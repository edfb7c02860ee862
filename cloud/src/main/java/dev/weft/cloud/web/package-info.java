/**
 * The web app: login form, projects and tests, a test's trends, two runs compared, and a run's
 * page (tiles, overview, thresholds, checks, HTTP, scenarios, metrics, logs) drawn with uPlot from
 * its WebJar. The pages are server-rendered shells; their scripts (resources under
 * {@code dev/weft/cloud/web/}) read everything through the JSON API, which the exported report
 * ({@code dev.weft.cloud.report}) answers from embedded data instead. Server-sent events
 * ({@link dev.weft.cloud.web.LiveUpdates}) remain for API clients; the pages poll.
 */
package dev.weft.cloud.web;
