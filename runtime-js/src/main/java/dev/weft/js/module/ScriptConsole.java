package dev.weft.js.module;

import dev.weft.output.LogLine;
import dev.weft.vu.IterationContext;

/**
 * Where a script's console.* lines and iteration errors go. Called from VU threads; an
 * implementation hands the line off without waiting on slow terminals or files.
 */
@FunctionalInterface
public interface ScriptConsole {
    /** @param level one of debug, info, warn, error */
    void log(String level, String text);

    /** A line with where it came from (VU, iteration, scenario) for logs streamed to a service. */
    default void log(String level, String text, LogLine.Origin origin) {
        log(level, text);
    }

    /** Where a line logged now by the VU of {@code scope} comes from. */
    static LogLine.Origin origin(String source, VuScope scope) {
        IterationContext it = scope.current();
        return new LogLine.Origin(source, scope.id() > 0 ? scope.id() : null, it == null ? null : scope.iteration(),
                it == null ? null : scope.scenario());
    }
}
