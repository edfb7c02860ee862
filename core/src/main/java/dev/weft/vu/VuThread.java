package dev.weft.vu;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The virtual thread that owns one VU. It runs the VU's init code, then runs the jobs
 * executors hand it, one at a time, so the VU's runtime is only ever touched from here.
 * {@link #submit(Consumer)} and {@link #close()} may be called from any thread.
 */
public final class VuThread {
    private static final Consumer<Vu> POISON = vu -> { };

    private final int id;
    private final LinkedBlockingQueue<Consumer<Vu>> jobs = new LinkedBlockingQueue<>();
    private final CompletableFuture<VuThread> initialized = new CompletableFuture<>();
    private final Thread thread;
    private volatile Vu vu;

    private VuThread(int id, VuFactory factory) {
        this.id = id;
        this.thread = Thread.ofVirtual().name("vu-" + id).start(() -> run(factory));
    }

    /** Starts the thread, which begins by running init code; {@link #initialized()} tells when done. */
    public static VuThread start(int id, VuFactory factory) {
        return new VuThread(id, factory);
    }

    public int id() {
        return id;
    }

    /** Completes with this thread once init code ran, or exceptionally with the init error. */
    public CompletableFuture<VuThread> initialized() {
        return initialized;
    }

    /** Queues a job to run on this VU's thread; the future completes when it has run. */
    public CompletableFuture<Void> submit(Consumer<Vu> job) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        jobs.add(v -> {
            try {
                job.accept(v);
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        return done;
    }

    /** Interrupts whatever iteration the VU runs now (it stays usable). */
    public void interrupt() {
        Vu current = vu;
        if (current != null) {
            current.interrupt();
        }
    }

    /** Ends the thread after queued jobs and closes the VU; waits for it. */
    public void close() {
        jobs.add(POISON);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(VuFactory factory) {
        try {
            vu = factory.create(id);
        } catch (Throwable t) {
            initialized.completeExceptionally(t);
            return;
        }
        initialized.complete(this);
        try {
            while (true) {
                Consumer<Vu> job = jobs.take();
                if (job == POISON) {
                    break;
                }
                Thread.interrupted(); // an interrupt meant for an earlier job is spent
                job.accept(vu);
            }
        } catch (InterruptedException e) {
            // closing
        } finally {
            vu.close();
        }
    }
}
