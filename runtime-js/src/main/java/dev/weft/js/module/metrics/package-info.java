/** k6/metrics: custom Counter, Gauge, Rate and Trend metrics, declared in init code. */
package dev.weft.js.module.metrics;
