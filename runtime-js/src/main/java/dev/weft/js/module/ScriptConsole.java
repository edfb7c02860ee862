package dev.weft.js.module;

/**
 * Where a script's console.* lines and iteration errors go. Called from VU threads; an
 * implementation hands the line off without waiting on slow terminals or files.
 */
@FunctionalInterface
public interface ScriptConsole {
    /** @param level one of debug, info, warn, error */
    void log(String level, String text);
}
