/**
 * Weft's self-hosted results service ({@code weft cloud serve}): it speaks k6's cloud API v1
 * so {@code --out cloud} (Weft's or k6's) can stream into it, keeps run states and per-second
 * metric aggregates in a database, and serves a web app with live charts.
 * {@link dev.weft.cloud.CloudServe} is the command, {@link dev.weft.cloud.ResultsService} the
 * programmatic entry point.
 */
package dev.weft.cloud;
