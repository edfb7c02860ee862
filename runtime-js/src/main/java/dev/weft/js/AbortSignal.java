package dev.weft.js;

import org.graalvm.polyglot.PolyglotException;

/**
 * The exception k6/execution's {@code test.abort()} throws through the script to end the
 * test; recognised when it reaches the VU.
 */
public final class AbortSignal extends RuntimeException {
    public AbortSignal(String reason) {
        // with its stack trace: GraalJS merges the script frames into it, which names where abort() was called
        super(reason == null || reason.isEmpty() ? "test aborted" : reason);
    }

    static boolean is(PolyglotException e) {
        return e.isHostException() && e.asHostException() instanceof AbortSignal;
    }

    static String reason(PolyglotException e) {
        return e.asHostException().getMessage();
    }
}
