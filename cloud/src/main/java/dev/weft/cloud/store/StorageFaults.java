package dev.weft.cloud.store;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Tells storage faults (a full disk, a read-only database, a database that cannot be reached)
 * from other failures, so clients get {@code 503} and keep their data for a retry instead of a
 * {@code 500} that reads like a bug. Knows H2's and PostgreSQL's codes and the operating
 * system's messages. Stateless.
 */
public final class StorageFaults {
    private StorageFaults() {
    }

    /** One line saying what is wrong with the storage, or null when {@code e} is no storage fault. */
    public static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String found = t instanceof SQLException s ? byState(s) : null;
            if (found == null) {
                found = byMessage(t.getMessage());
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String byState(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            case "90097", "25006" -> "the database is read-only";
            case "90100", "53100" -> "the database's disk is full";
            case "53000", "53200" -> "the database is out of resources";
            case "90098" -> "the database was closed after a storage error";
            // 08: connection failures; 57P: the server shut down or terminated the session
            default -> state.startsWith("08") || state.startsWith("57P") ? "the database cannot be reached" : null;
        };
    }

    private static String byMessage(String message) {
        if (message == null) {
            return null;
        }
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("no space left on device") || m.contains("disk quota exceeded") || m.contains("disk full")
                || m.contains("file too large")) {
            return "the database's disk is full";
        }
        if (m.contains("read-only file system") || m.contains("database is read only")
                || m.contains("read-only transaction") || m.contains("permission denied")
                || m.contains("access denied")) {
            return "the database is read-only";
        }
        return null;
    }
}
