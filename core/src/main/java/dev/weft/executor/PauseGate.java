package dev.weft.executor;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Holds back new iterations while the test is paused ({@code --paused}, or {@code PATCH
 * /v1/status {"paused": true}}). VU loops and arrival-rate schedulers call {@link #await()}
 * before each iteration; iterations already running carry on. Any thread may pause or resume.
 * Time keeps running while paused: a 30s constant-vus scenario paused for 10s runs 20s of
 * iterations (k6 only lets the externally-controlled executor pause mid-run).
 */
public final class PauseGate {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition opened = lock.newCondition();
    private volatile boolean paused;

    public PauseGate(boolean paused) {
        this.paused = paused;
    }

    /** An open gate. */
    public PauseGate() {
        this(false);
    }

    public boolean isPaused() {
        return paused;
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        lock.lock();
        try {
            paused = false;
            opened.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void setPaused(boolean value) {
        if (value) {
            pause();
        } else {
            resume();
        }
    }

    /**
     * Returns at once when open; otherwise waits until resumed or until {@code stillWanted}
     * says to give up (checked every 50 ms). Returns how long it waited, in nanoseconds.
     */
    public long await(java.util.function.BooleanSupplier stillWanted) throws InterruptedException {
        if (!paused) {
            return 0;
        }
        long start = System.nanoTime();
        lock.lock();
        try {
            while (paused && stillWanted.getAsBoolean()) {
                opened.await(50, TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
        return System.nanoTime() - start;
    }
}
