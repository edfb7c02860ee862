/** Results-service benchmarks. */
package dev.weft.bench.cloud;
