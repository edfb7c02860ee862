/** A local httpbin-like HTTP target: tests, benchmarks and the quickstart send load to it on loopback. */
package dev.weft.target;
