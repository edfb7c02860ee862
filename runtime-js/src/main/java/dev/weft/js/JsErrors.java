package dev.weft.js;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;

/** Turns GraalJS exceptions into k6-style text: the message, then the JS stack frames. */
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
        String where = at.getSource().getPath() != null ? at.getSource().getPath() : at.getSource().getName();
        return where + ":" + at.getStartLine() + ":" + at.getStartColumn() + ": " + msg;
    }

    /** The message and JS stack trace, as k6 logs an exception thrown by an iteration. */
    static String withStack(PolyglotException e) {
        StringBuilder sb = new StringBuilder(e.getMessage() == null ? e.toString() : e.getMessage());
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            if (f.isGuestFrame() && f.getSourceLocation() != null) {
                SourceSection s = f.getSourceLocation();
                String name = f.getRootName() == null || f.getRootName().isEmpty() ? "<anonymous>" : f.getRootName();
                String file = s.getSource().getPath() != null ? s.getSource().getPath() : s.getSource().getName();
                sb.append("\n\tat ").append(name).append(" (").append(file).append(':')
                        .append(s.getStartLine()).append(':').append(s.getStartColumn()).append(')');
            }
        }
        return sb.toString();
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
