package dev.weft.lifecycle;

/** setup() or teardown() threw or ran out of time; the message carries the script's error. */
public final class StageException extends Exception {
    private final boolean timeout;

    public StageException(String message, boolean timeout) {
        super(message);
        this.timeout = timeout;
    }

    public boolean timeout() {
        return timeout;
    }
}
