package dev.weft.cloud.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * At start, proves the database takes writes by writing one row, so a read-only or full
 * database refuses to start with a clear line instead of serving as if all were well and
 * failing every ingest later. Called once from the service's start on the main thread.
 */
public final class WriteCheck {
    private WriteCheck() {
    }

    /**
     * Writes the probe row; throws {@link IllegalStateException} with a one-line reason when it
     * cannot. On H2 it first makes every commit reach the file before it returns
     * ({@code WRITE_DELAY 0}; H2's default writes up to half a second later, so a full disk
     * would lose batches that were already answered 200).
     */
    public static void requireWritable(Database db, long now) {
        try {
            if (db.url().startsWith("jdbc:h2:")) {
                db.inTransaction(c -> {
                    try (java.sql.Statement s = c.createStatement()) {
                        s.execute("SET WRITE_DELAY 0");
                    }
                    return null;
                });
            }
            db.inTransaction(c -> {
                try (PreparedStatement up = c.prepareStatement("UPDATE write_probe SET probed_at = ? WHERE id = 1")) {
                    up.setLong(1, now);
                    if (up.executeUpdate() == 1) {
                        return null;
                    }
                }
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO write_probe (id, probed_at) VALUES (1, ?)")) {
                    ins.setLong(1, now);
                    ins.executeUpdate();
                }
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            throw unwritable(db.url(), e);
        }
    }

    /** The one-line error for a database at {@code url} that cannot be written or migrated. */
    public static IllegalStateException unwritable(String url, Throwable e) {
        String why = StorageFaults.describe(e);
        if (why == null) {
            why = firstLine(e);
        }
        return new IllegalStateException("the database " + url + " does not take writes: " + why
                + "; make it writable (permissions, free space, a read-write mount) and start again", e);
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }
}
