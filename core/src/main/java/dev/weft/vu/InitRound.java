package dev.weft.vu;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@link VuPool#initialise} round: counts the VUs whose init ended, tells the listener, and
 * keeps the first failure. {@link #vuDone} is called on each VU's thread; {@link #await} on the
 * thread initialising the pool.
 */
final class InitRound {
    private final int total;
    private final InitListener listener;
    private final AtomicInteger initialised = new AtomicInteger();
    /** VUs whose listener call returned: the round succeeds only once all of them did. */
    private final AtomicInteger heard = new AtomicInteger();
    private final CompletableFuture<Void> outcome = new CompletableFuture<>();

    InitRound(int total, InitListener listener) {
        this.total = total;
        this.listener = listener;
        if (total == 0) {
            outcome.complete(null);
        }
    }

    void vuDone(int id, Throwable error) {
        if (outcome.isDone()) {
            return;
        }
        if (error != null) {
            outcome.completeExceptionally(asInitError(id, error));
            return;
        }
        int n = initialised.incrementAndGet();
        try {
            listener.vuInitialised(n, total);
        } catch (VuInitException e) {
            outcome.completeExceptionally(e);
        } catch (OutOfMemoryError e) {
            outcome.completeExceptionally(new VuInitException(HeapBudget.outOfHeap(id, total), e));
        } catch (RuntimeException e) {
            outcome.completeExceptionally(new VuInitException("VU init listener failed: " + e, e));
        }
        if (heard.incrementAndGet() == total) {
            outcome.complete(null);
        }
    }

    boolean failed() {
        return outcome.isCompletedExceptionally();
    }

    void await() throws VuInitException {
        try {
            outcome.get();
        } catch (ExecutionException e) {
            throw (VuInitException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VuInitException("interrupted while initialising VUs", e);
        }
    }

    private VuInitException asInitError(int id, Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                ? c.getCause() : error;
        if (cause instanceof VuInitException v) {
            return v;
        }
        if (cause instanceof OutOfMemoryError) {
            return new VuInitException(HeapBudget.outOfHeap(id, total), cause);
        }
        return new VuInitException(String.valueOf(cause), cause);
    }
}
