package dev.weft.output.cloud;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits between attempts to reach the service: 250 ms doubling up to a maximum, never past a
 * deadline (stop's). Used by the output's sender and by its finish call, each on its own
 * thread; holds no state of its own besides the settings.
 */
record Backoff(Clock clock, Duration max) {

    /** Waits before attempt {@code failures + 1}; false when {@code deadlineMillis} has come or the thread is interrupted. */
    boolean await(int failures, long deadlineMillis) {
        long wait = Math.min(max.toMillis(), 250L << Math.min(failures, 10));
        long until = clock.millis() + wait;
        while (clock.millis() < until) {
            if (clock.millis() >= deadlineMillis) {
                return false;
            }
            LockSupport.parkNanos(Math.min(50, Math.max(1, until - clock.millis())) * 1_000_000L);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return clock.millis() < deadlineMillis;
    }

    /** The most telling message of an exception chain (the first that has one). */
    static String describe(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
