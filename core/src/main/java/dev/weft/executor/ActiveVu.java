package dev.weft.executor;

import java.util.concurrent.CompletableFuture;

/**
 * A VU an executor has borrowed and set running, as {@link GracefulStop} sees it. Methods are
 * called from the scenario's thread.
 */
interface ActiveVu {
    /** Completes once the VU has stopped and gone back to the pool. */
    CompletableFuture<Void> done();

    /** Start no more iterations; the one running may finish. */
    void requestStop();

    /** Cut the running iteration short. */
    void interrupt();
}
