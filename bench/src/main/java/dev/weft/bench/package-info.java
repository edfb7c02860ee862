/** Benchmark mains, run with bench/run; each prints figures. Never part of the test suite. */
package dev.weft.bench;
