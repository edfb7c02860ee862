/**
 * The one sample pipeline of a test run: VU threads push samples without blocking, a single
 * consumer drains them every 50-100 ms into the aggregates (which thresholds and the summary
 * read) and hands the same batches to every output. Also the background writer outputs use to
 * keep disk and network I/O off the consumer thread.
 */
package dev.weft.pipeline;
