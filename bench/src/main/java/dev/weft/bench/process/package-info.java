/**
 * Benchmarks that run whole processes side by side: Weft's {@code weft run} and a genuine k6 on
 * the same script, measured from outside (CPU, peak RSS, wall) and from their summaries.
 */
package dev.weft.bench.process;
