package dev.weft.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The process globals a command may touch: arguments, environment, standard streams, working
 * directory, terminal facts and signal hooks. Built once in {@link Weft#main}; tests build their own.
 *
 * @param stdoutTty true when standard output is an interactive terminal
 * @param signals   how to be told of Ctrl-C / SIGTERM
 */
public record GlobalEnv(Map<String, String> env, InputStream stdin, PrintStream stdout, PrintStream stderr,
        Path cwd, boolean stdoutTty, Signals signals) {

    /** Installs handlers for interrupt signals. */
    @FunctionalInterface
    public interface Signals {
        /** Calls {@code onSignal} on each SIGINT/SIGTERM until the returned handle is closed. */
        AutoCloseable onInterrupt(Runnable onSignal);
    }
}
