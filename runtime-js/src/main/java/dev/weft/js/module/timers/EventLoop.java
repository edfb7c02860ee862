package dev.weft.js.module.timers;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * One VU's event loop, as k6 has one per VU: the timers of setTimeout/setInterval and work that
 * other threads hand back to the VU, run on the VU's own (virtual) thread after the exported
 * function returns, until its promise has settled and nothing is left pending.
 *
 * <p>Everything but {@link #reserve()}'s {@link Pending#complete} runs on the VU's thread. Each
 * callback is its own top-level call from Java into JS, so GraalJS drains the microtask queue
 * (promise reactions) after every one of them, as a browser or k6 would.
 */
public final class EventLoop {
    private final LongSupplier nanoTime;
    private final PriorityQueue<Timer> queue = new PriorityQueue<>();
    private final Map<Integer, Timer> active = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Queue<Runnable> handedBack = new ArrayDeque<>();
    private int reserved;
    private int nextId = 1;
    private long nextSeq;
    private Value track;

    public EventLoop(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The JS helper that attaches settle handlers to a promise; set once by the module. */
    void bindTracker(Value track) {
        this.track = track;
    }

    /** Schedules {@code callback} (a JS function of no arguments); returns the timer id. */
    int schedule(Value callback, double delayMs, boolean repeat) {
        long delay = delayMs > 0 && Double.isFinite(delayMs) ? (long) (delayMs * 1e6) : 0;
        if (repeat) {
            delay = Math.max(delay, 1_000_000); // an interval of 0 would spin, so browsers clamp it too
        }
        Timer t = new Timer(nextId++, nextSeq++, nanoTime.getAsLong() + delay, delay, repeat, callback);
        queue.add(t);
        active.put(t.id, t);
        return t.id;
    }

    void cancel(int id) {
        Timer t = active.remove(id);
        if (t != null) {
            queue.remove(t);
        }
    }

    /** True while timers or handed-off work are outstanding. */
    public boolean hasPending() {
        lock.lock();
        try {
            return !active.isEmpty() || reserved > 0 || !handedBack.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs the loop for what an exported function returned: waits for a returned promise
     * (thenable) to settle and for every timer and reserved callback to finish. Exceptions thrown
     * by callbacks propagate (they fail the iteration). Returns early, INTERRUPTED, when
     * {@code stopped} turns true or the thread is interrupted.
     */
    public Settlement await(Value result, BooleanSupplier stopped) {
        Settlement[] settled = {null};
        if (isThenable(result)) {
            track.execute(result, (ProxyExecutable) args -> {
                settled[0] = Settlement.resolved(args[0]);
                return null;
            }, (ProxyExecutable) args -> {
                settled[0] = Settlement.rejected(args[0].asString(), args[1]);
                return null;
            });
        } else {
            settled[0] = Settlement.resolved(result);
        }
        while (true) {
            if (stopped.getAsBoolean()) {
                return Settlement.INTERRUPTED;
            }
            if (runOne()) {
                continue;
            }
            if (!hasPending()) {
                break;
            }
            if (!park()) {
                return Settlement.INTERRUPTED;
            }
        }
        return settled[0] == null ? Settlement.PENDING : settled[0];
    }

    /** Runs one due timer or handed-back task; false when none is due. */
    private boolean runOne() {
        Runnable task;
        lock.lock();
        try {
            task = handedBack.poll();
        } finally {
            lock.unlock();
        }
        if (task != null) {
            task.run();
            return true;
        }
        Timer t = queue.peek();
        if (t == null || t.due - nanoTime.getAsLong() > 0) {
            return false;
        }
        queue.poll();
        if (t.repeat) {
            Timer next = t.next(nanoTime.getAsLong(), nextSeq++);
            queue.add(next);
            active.put(t.id, next);
        } else {
            active.remove(t.id);
        }
        t.callback.execute();
        return true;
    }

    /** Parks until the next timer is due or work is handed back; false when interrupted. */
    private boolean park() {
        lock.lock();
        try {
            if (!handedBack.isEmpty()) {
                return true;
            }
            Timer t = queue.peek();
            if (t == null) {
                wake.await();
            } else {
                wake.awaitNanos(t.due - nanoTime.getAsLong());
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reserves a place in the loop for work finishing on another thread (an async request): the
     * loop keeps running until {@link Pending#complete} hands the continuation back.
     */
    public Pending reserve() {
        lock.lock();
        try {
            reserved++;
        } finally {
            lock.unlock();
        }
        return new Pending();
    }

    /** Drops every timer and reservation, between iterations or after one failed or was interrupted. */
    public void reset() {
        queue.clear();
        active.clear();
        lock.lock();
        try {
            handedBack.clear();
            reserved = 0;
        } finally {
            lock.unlock();
        }
    }

    /** True when {@code v} is a promise or any object with a callable {@code then}. */
    public static boolean isThenable(Value v) {
        if (v == null || v.isNull() || !v.hasMembers()) {
            return false;
        }
        Value then = v.getMember("then");
        return then != null && then.canExecute();
    }

    /** A reserved callback; {@link #complete} may be called once, from any thread. */
    public final class Pending {
        private boolean done;

        /** Queues {@code onVuThread} to run on the VU's thread, inside the loop. */
        public void complete(Runnable onVuThread) {
            lock.lock();
            try {
                if (done) {
                    throw new IllegalStateException("callback already completed");
                }
                done = true;
                if (reserved > 0) {
                    reserved--;
                    handedBack.add(onVuThread);
                }
                wake.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** A scheduled callback, ordered by due time then by when it was scheduled. */
    private record Timer(int id, long seq, long due, long delay, boolean repeat, Value callback)
            implements Comparable<Timer> {
        Timer next(long now, long nextSeq) {
            return new Timer(id, nextSeq, now + delay, delay, true, callback);
        }

        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(due - o.due, 0);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
