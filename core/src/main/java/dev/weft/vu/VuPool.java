package dev.weft.vu;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * All initialised VUs of a test, handed out to executors and given back (k6's planned VUs).
 * Thread-safe: executors on several scenario threads borrow and return concurrently.
 */
public final class VuPool implements AutoCloseable {
    private final List<VuThread> all;
    private final LinkedBlockingDeque<VuThread> idle;

    private VuPool(List<VuThread> all) {
        this.all = all;
        this.idle = new LinkedBlockingDeque<>(all);
    }

    /** {@link #initialise(int, VuFactory, InitListener)} with nobody listening. */
    public static VuPool initialise(int count, VuFactory factory) throws VuInitException {
        return initialise(count, factory, InitListener.NONE);
    }

    /**
     * Initialises {@code count} VUs (ids 1..count), each on its own virtual thread, as many at
     * a time as there are cores (see {@link InitSlots}); {@code listener} hears of each VU as
     * its init code has run. If any init fails, every VU is closed and the first error is thrown.
     */
    public static VuPool initialise(int count, VuFactory factory, InitListener listener) throws VuInitException {
        VuFactory slotted = new InitSlots(Runtime.getRuntime().availableProcessors()).around(factory, listener);
        List<VuThread> threads = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            threads.add(VuThread.start(i, slotted));
        }
        VuInitException failure = null;
        for (VuThread t : threads) {
            try {
                t.initialized().join();
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof VuInitException v ? v
                            : new VuInitException(String.valueOf(e.getCause()), e.getCause());
                }
            }
        }
        if (failure != null) {
            threads.forEach(t -> {
                if (!t.initialized().isCompletedExceptionally()) {
                    t.close();
                }
            });
            throw failure;
        }
        return new VuPool(threads);
    }

    /** A free VU, or null if all are busy. */
    public VuThread borrow() {
        return idle.pollFirst();
    }

    /** Gives a VU back for other executors to use. */
    public void giveBack(VuThread vu) {
        idle.addFirst(vu);
    }

    public int size() {
        return all.size();
    }

    /** Interrupts every VU's running iteration. */
    public void interruptAll() {
        all.forEach(VuThread::interrupt);
    }

    @Override
    public void close() {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (VuThread t : all) {
            closing.add(CompletableFuture.runAsync(t::close, r -> Thread.ofVirtual().start(r)));
        }
        closing.forEach(CompletableFuture::join);
    }
}
