package dev.weft.js;

import java.io.PrintStream;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * Where GraalJS's own log messages (rare warnings) go: standard error, one line each, formatted
 * as GraalJS's default handler does ({@code [js] WARNING: message}). One per test, given to every
 * VU context, so building a context makes no log handler and stream writer of its own. Any
 * thread may log; each record is one {@link PrintStream#print} call.
 */
final class EngineLog extends Handler {
    private final PrintStream err;
    private final Formatter text = new SimpleFormatter();

    EngineLog(PrintStream err) {
        this.err = err;
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || !isLoggable(record)) {
            return;
        }
        String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
        int dot = logger.indexOf('.');
        String id = dot < 0 ? logger : logger.substring(0, dot);
        String name = dot < 0 ? "" : "::" + logger.substring(dot + 1);
        String message = text.formatMessage(record);
        StringBuilder line = new StringBuilder().append('[').append(id).append(name).append("] ")
                .append(record.getLevel().getName()).append(": ").append(message);
        if (record.getThrown() != null) {
            line.append(System.lineSeparator()).append(record.getThrown());
        }
        err.print(line.append(System.lineSeparator()));
    }

    @Override
    public void flush() {
        err.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
