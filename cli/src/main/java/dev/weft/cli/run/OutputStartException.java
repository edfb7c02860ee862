package dev.weft.cli.run;

/** An output could not be made or started (bad --out, unreachable results service, bad token). */
final class OutputStartException extends Exception {
    OutputStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
