package dev.weft.executor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a scenario's VU loops to end: normally by {@code endNanos}, then lets iterations in
 * flight run for the graceful stop, then interrupts what is still running. A test-wide stop
 * (Ctrl-C) moves the deadline to "now + graceful stop". Runs on the scenario's thread.
 */
final class GracefulStop {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private GracefulStop() {
    }

    static void await(List<? extends ActiveVu> loops, ExecutionState state, long endNanos, Duration gracefulStop)
            throws InterruptedException {
        CompletableFuture<Void> all = CompletableFuture.allOf(loops.stream().map(ActiveVu::done)
                .toArray(CompletableFuture[]::new));
        long grace = gracefulStop.toNanos();
        long deadline = endNanos + grace;
        boolean sawStop = false;
        while (!all.isDone()) {
            long now = System.nanoTime();
            if (!sawStop && state.stopping()) {
                sawStop = true;
                deadline = Math.min(deadline, now + grace);
            }
            if (now >= deadline) {
                break;
            }
            try {
                all.get(Math.min(POLL_NANOS, deadline - now), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                // keep waiting: a loop that failed is done too
            }
        }
        if (!all.isDone()) {
            loops.forEach(ActiveVu::requestStop);
            loops.forEach(ActiveVu::interrupt);
            try {
                all.get(5, TimeUnit.SECONDS);
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                // a VU that ignores interruption is left behind; the pool close will end it
            }
        }
    }
}
