package dev.weft.cli.run;

import com.google.gson.JsonObject;
import dev.weft.cli.GlobalEnv;
import dev.weft.js.module.ScriptConsole;
import dev.weft.output.LogLine;
import dev.weft.output.WithLogLines;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Prints script console lines and run messages as k6 does: text ({@code INFO[0003] text
 * source=console}), JSON lines ({@code {"level","msg","source","time"}}) or raw, on stderr,
 * stdout, a file, or nowhere ({@link LogSettings}). VU threads only enqueue; one writer thread
 * does the printing, so a slow terminal never holds a VU. The writer also hands every line to the
 * outputs that stream logs ({@link #streamTo}), which must not block either.
 */
public final class ConsoleLog implements ScriptConsole, AutoCloseable {
    private static final Entry STOP = new Entry("stop", null, null);

    /**
     * A line as printed, and as outputs receive it; or (line null) the stop marker, or a barrier
     * the writer opens when it reaches it.
     */
    private record Entry(String printed, LogLine line, CountDownLatch barrier) {
        Entry(String printed, LogLine line) {
            this(printed, line, null);
        }
    }

    private final PrintStream err;
    private final boolean ownsStream;
    private final String format;
    private final long startNanos = System.nanoTime();
    private final LinkedBlockingQueue<Entry> lines = new LinkedBlockingQueue<>();
    private volatile List<WithLogLines> streams = List.of();
    private final Thread writer;
    private final boolean quietDebug;
    private volatile String beforeEachLine = "";
    private volatile java.util.function.UnaryOperator<String> redactor = java.util.function.UnaryOperator.identity();

    public ConsoleLog(PrintStream err, boolean quietDebug) {
        this(err, false, "text", quietDebug);
    }

    private ConsoleLog(PrintStream err, boolean ownsStream, String format, boolean quietDebug) {
        this.err = err;
        this.ownsStream = ownsStream;
        this.format = format;
        this.quietDebug = quietDebug;
        this.writer = Thread.ofVirtual().name("console-log").start(this::drain);
    }

    /**
     * Text written before every line, e.g. the terminal codes that erase the live progress block
     * so log lines stay above it; "" for none. Set by the progress display while it runs.
     */
    void beforeEachLine(String text) {
        if (!ownsStream) {
            beforeEachLine = text;
        }
    }

    /** A log writing where {@code settings} say; a file is created (appended to) relative to the cwd. */
    public static ConsoleLog open(LogSettings settings, GlobalEnv global) throws IOException {
        return open(settings, global, false);
    }

    /** As {@link #open(LogSettings, GlobalEnv)}; console.debug lines are kept only when {@code verbose}, as in k6. */
    public static ConsoleLog open(LogSettings settings, GlobalEnv global, boolean verbose) throws IOException {
        boolean quietDebug = !verbose;
        return switch (settings.output()) {
            case "stdout" -> new ConsoleLog(global.stdout(), false, settings.format(), quietDebug);
            case "none" -> new ConsoleLog(new PrintStream(OutputStream.nullOutputStream()), true, settings.format(),
                    quietDebug);
            case "file" -> {
                Path file = global.cwd().resolve(settings.file());
                yield new ConsoleLog(new PrintStream(new FileOutputStream(file.toFile(), true), false,
                        StandardCharsets.UTF_8), true, settings.format(), quietDebug);
            }
            default -> new ConsoleLog(global.stderr(), false, settings.format(), quietDebug);
        };
    }

    /** From now on every line passes through {@code redactor} (k6/secrets' values become ***SECRET_REDACTED***). */
    public void redactWith(java.util.function.UnaryOperator<String> redactor) {
        this.redactor = redactor;
    }

    /** From now on every line is also handed to these outputs (in order, on the writer thread). */
    public void streamTo(List<WithLogLines> outputs) {
        streams = List.copyOf(outputs);
    }

    /**
     * Waits (at most {@code maxMillis}) until every line logged before this call was printed and
     * handed to the streaming outputs; the CLI calls it before it stops the outputs.
     */
    public void awaitWritten(long maxMillis) {
        if (!writer.isAlive()) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        lines.add(new Entry(null, null, done));
        try {
            done.await(maxMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void log(String level, String text) {
        log(level, text, LogLine.Origin.CONSOLE);
    }

    @Override
    public void log(String level, String text, LogLine.Origin origin) {
        if (quietDebug && level.equals("debug")) {
            return;
        }
        String redacted = redactor.apply(text);
        lines.add(new Entry(format(level, redacted, "console"),
                new LogLine(System.currentTimeMillis(), level, redacted, origin)));
    }

    /** A line from Weft itself (not the script). */
    public void system(String level, String text) {
        String redacted = redactor.apply(text);
        lines.add(new Entry(format(level, redacted, null),
                new LogLine(System.currentTimeMillis(), level, redacted, LogLine.Origin.RUNNER)));
    }

    private String format(String level, String text, String source) {
        if (format.equals("raw")) {
            return text;
        }
        if (format.equals("json")) {
            JsonObject o = new JsonObject();
            o.addProperty("level", level.equals("warn") ? "warning" : level);
            o.addProperty("msg", text);
            if (source != null) {
                o.addProperty("source", source);
            }
            o.addProperty("time", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            return o.toString();
        }
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
                Entry entry = lines.take();
                if (entry == STOP) {
                    break;
                }
                if (entry.barrier() != null) {
                    entry.barrier().countDown();
                    continue;
                }
                String line = entry.printed();
                String before = beforeEachLine;
                err.print(before.isEmpty() ? line + System.lineSeparator() : before + line + System.lineSeparator());
                err.flush();
                for (WithLogLines out : streams) {
                    try {
                        out.addLogLine(entry.line());
                    } catch (RuntimeException e) {
                        // an output's fault must never stop the console: that output gets no more lines
                        streams = streams.stream().filter(o -> o != out).toList();
                        err.println("ERRO an output stops receiving log lines: " + e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        err.flush();
    }

    /** Prints what is queued, then stops the writer. Safe to call more than once. */
    @Override
    public void close() {
        if (!writer.isAlive()) {
            return;
        }
        lines.add(STOP);
        try {
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownsStream) {
            err.close();
        }
    }
}
