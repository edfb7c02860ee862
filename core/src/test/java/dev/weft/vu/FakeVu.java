package dev.weft.vu;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A VU without a script runtime: each iteration records itself in a {@link RecordingVus},
 * then sleeps for the factory's iteration time. {@link #interrupt()} cuts the sleep short,
 * making the iteration {@link IterationOutcome#INTERRUPTED}, as a runtime's cancel would.
 */
public final class FakeVu implements Vu {
    private final int id;
    private final FakeVuFactory factory;
    private final ReentrantLock lock = new ReentrantLock();
    private Thread running;

    FakeVu(int id, FakeVuFactory factory) {
        this.id = id;
        this.factory = factory;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public IterationOutcome runIteration(IterationContext context) {
        RecordingVus log = factory.recording();
        lock.lock();
        try {
            Thread.interrupted(); // a stale interrupt from an earlier iteration is spent
            running = Thread.currentThread();
        } finally {
            lock.unlock();
        }
        long n = log.began(id, context);
        IterationOutcome outcome = IterationOutcome.COMPLETED;
        try {
            Duration sleep = factory.iterationTime();
            if (!sleep.isZero()) {
                Thread.sleep(sleep);
            }
            outcome = factory.outcomeFor(context, n);
        } catch (InterruptedException e) {
            outcome = IterationOutcome.INTERRUPTED;
        } finally {
            lock.lock();
            try {
                running = null;
                Thread.interrupted();
            } finally {
                lock.unlock();
            }
            log.ended(outcome);
        }
        return outcome;
    }

    @Override
    public void interrupt() {
        lock.lock();
        try {
            if (running != null) {
                running.interrupt();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        factory.recording().closed();
    }
}
