package dev.weft.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Enforces request deadlines on HTTP/1.1 connections without timed socket reads. A timed read on
 * a virtual thread schedules and cancels a timer each time the thread parks (measured here: ~6 us
 * of CPU per request, a fifth of the whole request path); an untimed read costs nothing extra.
 * So an exchange arms its connection with the request's deadline, and one daemon thread looks at
 * the armed connections every {@value #TICK_MILLIS} ms and closes those past their deadline. The
 * blocked read or write then fails with an IOException, which the exchange reports as k6's request
 * timeout (1050) because its deadline has passed. A timeout thus fires up to one tick late.
 *
 * <p>Process-wide: VU threads call {@link #arm} and {@link #disarm} around each exchange (a
 * concurrent-set insert and remove); the watch thread starts on first use.
 */
final class DeadlineWatch {
    static final int TICK_MILLIS = 10;
    private static final DeadlineWatch INSTANCE = new DeadlineWatch();

    private final Set<Connection> armed = ConcurrentHashMap.newKeySet();
    private final ReentrantLock startLock = new ReentrantLock();
    private volatile boolean started;

    private DeadlineWatch() {
    }

    static DeadlineWatch instance() {
        return INSTANCE;
    }

    /** The connection's exchange must end by {@code deadline} (System.nanoTime()), or it is closed. */
    void arm(Connection c, long deadline) {
        c.deadline = deadline;
        armed.add(c);
        if (!started) {
            start();
        }
    }

    /** The exchange has ended; false when the watch closed the connection first (do not reuse it). */
    boolean disarm(Connection c) {
        return armed.remove(c);
    }

    /** Connections armed now: for tests. */
    int armedCount() {
        return armed.size();
    }

    private void start() {
        startLock.lock();
        try {
            if (!started) {
                Thread.ofPlatform().daemon().name("weft-http-deadlines").start(this::watch);
                started = true;
            }
        } finally {
            startLock.unlock();
        }
    }

    private void watch() {
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Connection c : armed) {
                if (now - c.deadline >= 0 && armed.remove(c)) {
                    c.abort();
                }
            }
        }
    }
}
