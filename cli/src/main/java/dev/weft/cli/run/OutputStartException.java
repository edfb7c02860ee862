package dev.weft.cli.run;

import dev.weft.lifecycle.ExitCode;

/**
 * An output could not be made or started (bad --out, unreachable results service, bad token):
 * exit code 104 (invalid configuration), or the code the cause asks for.
 */
final class OutputStartException extends Exception {
    private final int exitCode;

    OutputStartException(String message, Throwable cause) {
        this(message, cause, ExitCode.INVALID_CONFIG.code());
    }

    OutputStartException(String message, Throwable cause, int exitCode) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
