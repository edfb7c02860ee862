/**
 * k6's executors: each decides how many VUs run a scenario's function, and when. Every
 * executor has the same shape: a config record with k6's defaults and {@code validate()}, and
 * an {@link dev.weft.executor.Executor} whose {@code run} drives VUs from the {@link
 * dev.weft.vu.VuPool} until the scenario ends. Closed-model executors loop VUs ({@code
 * VuLoop}); the arrival-rate ones start iterations on a schedule ({@code ArrivalRateRun}).
 * Each executor is built for one {@link dev.weft.executor.Instance}: it runs only that
 * instance's execution segment of the work and waits at its {@link
 * dev.weft.executor.PauseGate} before each iteration.
 */
package dev.weft.executor;
