package dev.weft.options;

/** An option has a bad name or value; the message names the option. */
public final class OptionsException extends RuntimeException {
    public OptionsException(String message) {
        super(message);
    }
}
