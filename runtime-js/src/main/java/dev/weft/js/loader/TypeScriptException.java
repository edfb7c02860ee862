package dev.weft.js.loader;

/** TypeScript syntax that type stripping can't turn into JavaScript; the message says where. */
public final class TypeScriptException extends RuntimeException {
    private final int line;
    private final int column;

    public TypeScriptException(int line, int column, String message) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
