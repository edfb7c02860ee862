package dev.weft.executor;

import dev.weft.segment.ExecutionTuple;

/**
 * This Weft instance's place in a test: its share of the work (the execution segment, for a
 * test spread over many machines) and the gate that pauses it. Built once by the CLI from
 * {@code --execution-segment}, {@code --execution-segment-sequence} and {@code --paused},
 * passed to {@link Scenarios} and from there to every executor. Immutable (the gate itself is
 * thread-safe).
 *
 * @param tuple     which part of every scenario's VUs and iterations this instance runs
 * @param pauseGate checked by executors before each iteration
 */
public record Instance(ExecutionTuple tuple, PauseGate pauseGate) {
    /** The whole test, never paused unless someone pauses this gate. */
    public static Instance whole() {
        return new Instance(ExecutionTuple.WHOLE, new PauseGate());
    }
}
