package dev.weft.cli.run;

import dev.weft.js.module.ScriptConsole;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Prints script console lines and run messages in k6's log format
 * ({@code INFO[0003] text  source=console}) on standard error. VU threads only enqueue; one
 * writer thread does the printing, so a slow terminal never holds a VU.
 */
public final class ConsoleLog implements ScriptConsole, AutoCloseable {
    private static final String STOP = new String("stop");

    private final PrintStream err;
    private final long startNanos = System.nanoTime();
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final boolean quietDebug;

    public ConsoleLog(PrintStream err, boolean quietDebug) {
        this.err = err;
        this.quietDebug = quietDebug;
        this.writer = Thread.ofVirtual().name("console-log").start(this::drain);
    }

    @Override
    public void log(String level, String text) {
        if (quietDebug && level.equals("debug")) {
            return;
        }
        lines.add(format(level, text, "console"));
    }

    /** A line from Weft itself (not the script). */
    public void system(String level, String text) {
        lines.add(format(level, text, null));
    }

    private String format(String level, String text, String source) {
        long secs = (System.nanoTime() - startNanos) / 1_000_000_000L;
        String lvl = switch (level) {
            case "error" -> "ERRO";
            case "warn" -> "WARN";
            case "debug" -> "DEBU";
            default -> "INFO";
        };
        String head = lvl + "[" + String.format(Locale.ROOT, "%04d", secs) + "] " + text;
        return source == null ? head : head + " source=" + source;
    }

    private void drain() {
        try {
            while (true) {
                String line = lines.take();
                if (line == STOP) {
                    break;
                }
                err.println(line);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        err.flush();
    }

    /** Prints what is queued, then stops the writer. */
    @Override
    public void close() {
        lines.add(STOP);
        try {
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
