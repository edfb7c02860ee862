package dev.weft.js.module.timers;

import org.graalvm.polyglot.Value;

/**
 * How the value an exported function returned ended up after the VU's event loop ran: a plain
 * value counts as resolved; a promise may be resolved, rejected, or still pending when nothing
 * was left to wait for. {@code value} is only usable on the VU's thread.
 *
 * @param state      how it ended
 * @param value      the resolved value (null unless RESOLVED)
 * @param error      the rejection as text with its JS stack (null unless REJECTED)
 * @param reason     the rejection value itself (null unless REJECTED), e.g. a host exception
 */
public record Settlement(State state, Value value, String error, Value reason) {
    public enum State { RESOLVED, REJECTED, PENDING, INTERRUPTED }

    static Settlement resolved(Value value) {
        return new Settlement(State.RESOLVED, value, null, null);
    }

    static Settlement rejected(String error, Value reason) {
        return new Settlement(State.REJECTED, null, error, reason);
    }

    static final Settlement PENDING = new Settlement(State.PENDING, null, null, null);
    static final Settlement INTERRUPTED = new Settlement(State.INTERRUPTED, null, null, null);
}
