package dev.weft.vu;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * All initialised VUs of a test, handed out to executors and given back (k6's planned VUs).
 * Thread-safe: executors on several scenario threads borrow and return concurrently.
 */
public final class VuPool implements AutoCloseable {
    /** How long a failed initialisation waits for the VUs still initialising to end. */
    private static final long CLOSE_WAIT_SECONDS = 5;

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
     * a time as there are cores (see {@link InitSlots}), telling {@code listener} of each
     * initialised VU. The first failure (an init error, a VU out of heap, or the listener's own)
     * stops initialising at once: the factory cancels the inits still running, made VUs are
     * closed, and this waits a few seconds at most for the rest before throwing.
     */
    public static VuPool initialise(int count, VuFactory factory, InitListener listener) throws VuInitException {
        InitRound round = new InitRound(count, listener);
        VuFactory slotted = new InitSlots(Runtime.getRuntime().availableProcessors()).around(factory, id -> { });
        List<VuThread> threads = new ArrayList<>(count);
        for (int i = 1; i <= count && !round.failed(); i++) {
            VuThread t = VuThread.start(i, slotted);
            threads.add(t);
            t.initialized().whenComplete((vu, error) -> round.vuDone(t.id(), error));
        }
        try {
            round.await();
        } catch (VuInitException e) {
            factory.cancelInits();
            closeWhenInitialised(threads);
            throw e;
        }
        return new VuPool(threads);
    }

    /** Closes every VU as its init ends; waits for that a few seconds at most, then leaves the rest to do it. */
    private static void closeWhenInitialised(List<VuThread> threads) {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (VuThread t : threads) {
            closing.add(t.initialized().handle((vu, error) -> error).thenCompose(error -> error != null
                    ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.runAsync(t::close, r -> Thread.ofVirtual().start(r))));
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
                    .get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the VUs still initialising close themselves when done; the failure is what matters
        }
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
