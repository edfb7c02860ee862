package dev.weft.executor;

import dev.weft.vu.Vu;
import dev.weft.vu.VuThread;
import java.util.concurrent.CompletableFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One VU borrowed by an executor, looping over iterations on its own thread until its
 * scenario says stop. Before each iteration it waits while the {@link PauseGate} is shut.
 * Created and stopped by the executor's thread.
 */
final class VuLoop implements ActiveVu {
    /** What one turn of the loop does; returns false to end the loop. */
    @FunctionalInterface
    interface Body {
        boolean runOnce(Vu vu, long vuIteration);
    }

    private final VuThread thread;
    private final CompletableFuture<Void> done;
    private volatile boolean stopRequested;

    private VuLoop(VuThread thread, ExecutionState state, PauseGate gate, Body body) {
        this.thread = thread;
        state.activeVus().incrementAndGet();
        BooleanSupplier wanted = () -> !stopRequested && !state.stopping();
        this.done = thread.submit(vu -> {
            try {
                long iteration = 0;
                while (wanted.getAsBoolean()) {
                    gate.await(wanted);
                    if (!wanted.getAsBoolean() || !body.runOnce(vu, iteration++)) {
                        break;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                state.activeVus().decrementAndGet();
            }
        }).whenComplete((r, t) -> state.pool().giveBack(thread));
    }

    /** Borrows a VU and starts looping; null when the pool has no free VU. */
    static VuLoop start(ExecutionState state, PauseGate gate, Body body) {
        VuThread thread = state.pool().borrow();
        return thread == null ? null : new VuLoop(thread, state, gate, body);
    }

    /** Asks the loop to end after the iteration it is running. */
    @Override
    public void requestStop() {
        stopRequested = true;
    }

    /** Cuts the running iteration short. */
    @Override
    public void interrupt() {
        if (!done.isDone()) {
            thread.interrupt();
        }
    }

    @Override
    public CompletableFuture<Void> done() {
        return done;
    }

    /** A loop body that also checks a deadline before each iteration. */
    static Body until(long deadlineNanos, Body body) {
        return (vu, i) -> System.nanoTime() < deadlineNanos && body.runOnce(vu, i);
    }

    /**
     * Borrows up to {@code count} VUs and starts each looping {@code body} until the deadline:
     * the start of every executor whose VUs loop for the whole scenario.
     */
    static List<VuLoop> startAll(ExecutionState state, PauseGate gate, int count, long deadlineNanos,
            Body body) {
        Body bounded = until(deadlineNanos, body);
        // every VU is borrowed before any loop starts, as k6 holds each VU for its scenario: a
        // loop whose iterations ended at once gave its VU back in time for the next borrow, and
        // one VU ran two VUs' iterations (its __VU, __ITER and setup data twice)
        List<VuThread> threads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            VuThread thread = state.pool().borrow();
            if (thread == null) {
                break; // no free VU now, and none is given back before the loops start
            }
            threads.add(thread);
        }
        List<VuLoop> loops = new ArrayList<>(threads.size());
        for (VuThread thread : threads) {
            loops.add(new VuLoop(thread, state, gate, bounded));
        }
        return loops;
    }
}
