package dev.weft.js;

import dev.weft.js.loader.SourceLocations;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;

/**
 * Turns GraalJS exceptions into k6-style text: the message, then the JS stack frames. Places
 * are shown as {@link SourceLocations} describes them (remote modules by URL, source-mapped
 * code at its original place).
 */
final class JsErrors {
    private JsErrors() {
    }

    /** One line: {@code file:line:column: message} where GraalJS knows the place. */
    static String oneLine(PolyglotException e) {
        SourceSection at = e.getSourceLocation();
        if (at == null) {
            at = firstGuestFrame(e);
        }
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        if (at == null || at.getSource() == null) {
            return msg;
        }
        return place(at) + ": " + msg;
    }

    /** The message and JS stack trace, as k6 logs an exception thrown by an iteration. */
    static String withStack(PolyglotException e) {
        StringBuilder sb = new StringBuilder(e.getMessage() == null ? e.toString() : e.getMessage());
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            if (f.isGuestFrame() && f.getSourceLocation() != null) {
                SourceSection s = f.getSourceLocation();
                String name = f.getRootName() == null || f.getRootName().isEmpty() ? "<anonymous>" : f.getRootName();
                sb.append("\n\tat ").append(name).append(" (").append(place(s)).append(')');
            }
        }
        return sb.toString();
    }

    private static String place(SourceSection s) {
        String file = s.getSource().getPath() != null ? s.getSource().getPath() : s.getSource().getName();
        CharSequence text = s.getSource().hasCharacters() ? s.getSource().getCharacters() : null;
        return SourceLocations.describe(file, text, s.getStartLine(), s.getStartColumn());
    }

    private static SourceSection firstGuestFrame(PolyglotException e) {
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            if (f.isGuestFrame() && f.getSourceLocation() != null) {
                return f.getSourceLocation();
            }
        }
        return null;
    }
}
