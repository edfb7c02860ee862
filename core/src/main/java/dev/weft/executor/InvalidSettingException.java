package dev.weft.executor;

/**
 * A scenario setting has a value its executor can't run with. Thrown by the executors'
 * {@code Config.validate()}; {@link Scenarios} reports it as {@code scenarios.<name>.<key>: ...}.
 */
public final class InvalidSettingException extends IllegalArgumentException {
    private final String key;

    public InvalidSettingException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The k6 name of the setting, e.g. {@code preAllocatedVUs}. */
    public String key() {
        return key;
    }
}
