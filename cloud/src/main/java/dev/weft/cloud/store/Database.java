package dev.weft.cloud.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The service's database behind a JDBC URL (H2 file by default, PostgreSQL by URL), with a
 * small pool of idle connections so request threads (virtual) do not reconnect every time.
 * Thread-safe; request handlers call {@link #inTransaction} and {@link #read} concurrently.
 * A pool library would do the same; this keeps the service free of one more dependency.
 */
public final class Database implements AutoCloseable {
    private static final int MAX_IDLE = 8;

    private final String url;
    private final String user;
    private final String password;
    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    public Database(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public String url() {
        return url;
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** Work done in one transaction: committed when it returns, rolled back when it throws. */
    /** Work on a connection; {@code E} is an extra checked exception it may throw (or none). */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run(Connection connection) throws SQLException, E;
    }

    public <T, E extends Exception> T inTransaction(Work<T, E> work) throws SQLException, E {
        Connection c = borrow();
        boolean ok = false;
        try {
            c.setAutoCommit(false);
            T result = work.run(c);
            c.commit();
            ok = true;
            return result;
        } finally {
            if (!ok) {
                rollbackQuietly(c);
            }
            giveBack(c, ok);
        }
    }

    /** Read-only work on an auto-commit connection. */
    public <T, E extends Exception> T read(Work<T, E> work) throws SQLException, E {
        Connection c = borrow();
        boolean ok = false;
        try {
            c.setAutoCommit(true);
            T result = work.run(c);
            ok = true;
            return result;
        } finally {
            giveBack(c, ok);
        }
    }

    private Connection borrow() throws SQLException {
        lock.lock();
        try {
            if (closed) {
                throw new SQLException("the database is closed");
            }
            Connection c = idle.pollFirst();
            if (c != null) {
                return c;
            }
        } finally {
            lock.unlock();
        }
        return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    }

    private void giveBack(Connection c, boolean healthy) {
        boolean keep = false;
        lock.lock();
        try {
            if (healthy && !closed && idle.size() < MAX_IDLE) {
                idle.addFirst(c);
                keep = true;
            }
        } finally {
            lock.unlock();
        }
        if (!keep) {
            closeQuietly(c);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is dropped right after
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more to do with it
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            idle.forEach(Database::closeQuietly);
            idle.clear();
        } finally {
            lock.unlock();
        }
    }
}
