/**
 * k6's executors: each decides how many VUs run a scenario's function, and when. Every
 * executor has the same shape: a config record with k6's defaults and {@code validate()}, and
 * an {@link dev.weft.executor.Executor} whose {@code run} drives VUs from the {@link
 * dev.weft.vu.VuPool} until the scenario ends.
 */
package dev.weft.executor;
