package dev.weft.executor;

import dev.weft.vu.Vu;
import dev.weft.vu.VuThread;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * One VU borrowed by an executor, looping over iterations on its own thread until its
 * scenario says stop. Created and stopped by the executor's thread.
 */
final class VuLoop {
    /** What one turn of the loop does; returns false to end the loop. */
    @FunctionalInterface
    interface Body {
        boolean runOnce(Vu vu, long vuIteration);
    }

    private final VuThread thread;
    private final CompletableFuture<Void> done;
    private volatile boolean stopRequested;

    private VuLoop(VuThread thread, ExecutionState state, Body body) {
        this.thread = thread;
        state.activeVus().incrementAndGet();
        this.done = thread.submit(vu -> {
            try {
                long iteration = 0;
                while (!stopRequested && !state.stopping()) {
                    if (!body.runOnce(vu, iteration++)) {
                        break;
                    }
                }
            } finally {
                state.activeVus().decrementAndGet();
            }
        }).whenComplete((r, t) -> state.pool().giveBack(thread));
    }

    /** Borrows a VU and starts looping; null when the pool has no free VU. */
    static VuLoop start(ExecutionState state, Body body) {
        VuThread thread = state.pool().borrow();
        return thread == null ? null : new VuLoop(thread, state, body);
    }

    /** Asks the loop to end after the iteration it is running. */
    void requestStop() {
        stopRequested = true;
    }

    /** Cuts the running iteration short. */
    void interrupt() {
        if (!done.isDone()) {
            thread.interrupt();
        }
    }

    CompletableFuture<Void> done() {
        return done;
    }

    /** A loop body that also checks a deadline before each iteration. */
    static Body until(long deadlineNanos, BooleanSupplier more, Body body) {
        return (vu, i) -> System.nanoTime() < deadlineNanos && more.getAsBoolean() && body.runOnce(vu, i);
    }
}
