package dev.weft.http;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * One VU's idle keep-alive connections, by origin (scheme://host:port). The most recently used
 * connection is reused first; at most {@code maxIdlePerOrigin} are kept per origin. Used only by
 * its VU's thread: no locks.
 */
final class ConnectionPool {
    private final Map<String, ArrayDeque<Connection>> idle = new HashMap<>();
    private final int maxIdlePerOrigin;

    ConnectionPool(int maxIdlePerOrigin) {
        this.maxIdlePerOrigin = maxIdlePerOrigin;
    }

    /** An idle open connection to the origin, or null. */
    Connection take(String origin) {
        ArrayDeque<Connection> q = idle.get(origin);
        if (q == null) {
            return null;
        }
        for (Connection c = q.pollLast(); c != null; c = q.pollLast()) {
            if (c.isOpen()) {
                return c;
            }
        }
        return null;
    }

    /** Keeps a connection for reuse, or closes it when it cannot carry another request or the pool is full. */
    void give(Connection c) {
        if (!c.reusable || !c.isOpen()) {
            c.close();
            return;
        }
        ArrayDeque<Connection> q = idle.computeIfAbsent(c.origin, k -> new ArrayDeque<>(2));
        if (q.size() >= maxIdlePerOrigin) {
            c.close();
            return;
        }
        q.addLast(c);
    }

    int idleCount() {
        int n = 0;
        for (ArrayDeque<Connection> q : idle.values()) {
            n += q.size();
        }
        return n;
    }

    /** Moves every idle connection into {@code target} (which keeps or closes each by its own limits). */
    void drainInto(ConnectionPool target) {
        for (ArrayDeque<Connection> q : idle.values()) {
            for (Connection c : q) {
                target.give(c);
            }
        }
        idle.clear();
    }

    void closeAll() {
        for (ArrayDeque<Connection> q : idle.values()) {
            for (Connection c : q) {
                c.close();
            }
        }
        idle.clear();
    }
}
