package dev.weft.js;

/** The script could not be loaded: missing file, syntax error, missing default export. */
public final class ScriptException extends Exception {
    public ScriptException(String message) {
        super(message);
    }
}
