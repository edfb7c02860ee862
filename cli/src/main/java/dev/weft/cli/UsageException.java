package dev.weft.cli;

/** A bad flag, argument or command; the message names it. Exit code 255, as k6's CLI. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
