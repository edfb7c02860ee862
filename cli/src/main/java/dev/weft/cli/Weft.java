package dev.weft.cli;

import dev.weft.cli.signal.ProcessSignals;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The process entry point: builds the real {@link GlobalEnv} and exits with the command's code. */
public final class Weft {
    private Weft() {
    }

    public static void main(String[] args) throws InterruptedException {
        installLogFormat();
        // k6 writes UTF-8 whatever the locale: under LANG=C the JVM's streams would print ✓ and █ as '?'
        System.setOut(utf8(FileDescriptor.out));
        System.setErr(utf8(FileDescriptor.err));
        GlobalEnv global = new GlobalEnv(System.getenv(), System.in, System.out, System.err,
                Path.of("").toAbsolutePath(), isTerminal(),
                ProcessSignals.start(System.err));
        int code = new Cli(global).run(List.of(args));
        System.out.flush();
        System.err.flush();
        ProcessExit.exit(code);
    }

    /**
     * Libraries that log through java.util.logging (Flyway) speak only of problems, on one line
     * each. Called by {@link #main} and by the AOT cache's training run.
     */
    public static void installLogFormat() {
        OneLineLogFormat.install();
    }

    private static PrintStream utf8(FileDescriptor fd) {
        return new PrintStream(new BufferedOutputStream(new FileOutputStream(fd), 8192), true, StandardCharsets.UTF_8);
    }

    /** Console.isTerminal() exists from Java 22; on 21 a console means a terminal. */
    private static boolean isTerminal() {
        java.io.Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
