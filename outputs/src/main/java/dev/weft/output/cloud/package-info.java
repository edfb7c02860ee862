/**
 * The {@code cloud} output: streams a run's metrics to a k6 cloud API v1 service (Weft's own
 * results service, or anything speaking the same protocol) as per-second aggregates, and
 * {@code login cloud}'s token handling. Only the output SPI and metric types are seen here.
 */
package dev.weft.output.cloud;
