package dev.weft.cli;

import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Prints what libraries log through java.util.logging (Flyway, the JDK's HTTP client) as one
 * line in Weft's log format, {@code WARN[0003] message}, instead of the JDK's two-line records.
 * Installed once by {@link Weft#main} before anything logs; only warnings and errors are shown.
 */
final class OneLineLogFormat extends Formatter {
    private final long startNanos = System.nanoTime();

    static void install() {
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(Level.WARNING);
        handler.setFormatter(new OneLineLogFormat());
        root.addHandler(handler);
    }

    @Override
    public String format(LogRecord record) {
        String level = record.getLevel().intValue() >= Level.SEVERE.intValue() ? "ERRO"
                : record.getLevel().intValue() >= Level.WARNING.intValue() ? "WARN" : "INFO";
        long secs = (System.nanoTime() - startNanos) / 1_000_000_000L;
        String message = formatMessage(record);
        if (record.getThrown() != null && record.getThrown().getMessage() != null) {
            message = message + ": " + record.getThrown().getMessage();
        }
        return level + "[" + String.format(Locale.ROOT, "%04d", secs) + "] "
                + message.replace('\n', ' ').strip() + System.lineSeparator();
    }
}
