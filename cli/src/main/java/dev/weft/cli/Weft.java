package dev.weft.cli;

import dev.weft.cli.signal.ProcessSignals;
import java.nio.file.Path;
import java.util.List;

/** The process entry point: builds the real {@link GlobalEnv} and exits with the command's code. */
public final class Weft {
    private Weft() {
    }

    public static void main(String[] args) throws InterruptedException {
        // libraries that log through java.util.logging (Flyway) speak only of problems
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        GlobalEnv global = new GlobalEnv(System.getenv(), System.in, System.out, System.err,
                Path.of("").toAbsolutePath(), isTerminal(),
                ProcessSignals.start(System.err));
        int code = new Cli(global).run(List.of(args));
        System.out.flush();
        System.err.flush();
        System.exit(code);
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
