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
        if (at == null || isWeftSource(at)) {
            // a failure inside Weft's own JS (a module's JS half, the prelude) is placed in the script
            at = firstScriptFrame(e);
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
            // frames of Weft's own JS (a module's JS half) are not the script's: k6 shows none either
            if (f.isGuestFrame() && f.getSourceLocation() != null && !isWeftSource(f.getSourceLocation())) {
                SourceSection s = f.getSourceLocation();
                String name = f.getRootName() == null || f.getRootName().isEmpty() ? "<anonymous>" : f.getRootName();
                sb.append("\n\tat ").append(name).append(" (").append(place(s)).append(')');
            }
        }
        return sb.toString();
    }

    /**
     * Where the script was when {@code e} was thrown, as k6 names it after an abort reason:
     * {@code default (file:///path/script.js:9:20)}; empty when no script frame is known.
     */
    static String scriptFrame(PolyglotException e) {
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            SourceSection s = f.getSourceLocation();
            if (f.isGuestFrame() && s != null && s.getSource() != null && !s.getSource().isInternal()
                    && !s.getSource().getName().startsWith("weft")) {
                String name = f.getRootName() == null || f.getRootName().isEmpty() ? "<anonymous>" : f.getRootName();
                String at = callPlace(s);
                if (at.startsWith("/")) {
                    at = "file://" + at;
                }
                return name + " (" + at + ")";
            }
        }
        return "";
    }

    /** A call's place as k6 (goja) gives it: the column of the call's opening parenthesis. */
    private static String callPlace(SourceSection s) {
        CharSequence text = s.getCharacters();
        int paren = text == null ? -1 : text.toString().indexOf('(');
        if (paren < 0 || text.subSequence(0, paren).toString().contains("\n")) {
            return place(s);
        }
        String file = s.getSource().getPath() != null ? s.getSource().getPath() : s.getSource().getName();
        CharSequence all = s.getSource().hasCharacters() ? s.getSource().getCharacters() : null;
        return SourceLocations.describe(file, all, s.getStartLine(), s.getStartColumn() + paren);
    }

    private static String place(SourceSection s) {
        String file = s.getSource().getPath() != null ? s.getSource().getPath() : s.getSource().getName();
        CharSequence text = s.getSource().hasCharacters() ? s.getSource().getCharacters() : null;
        return SourceLocations.describe(file, text, s.getStartLine(), s.getStartColumn());
    }

    private static boolean isWeftSource(SourceSection s) {
        if (s.getSource() == null) {
            return false;
        }
        String path = s.getSource().getPath();
        return s.getSource().getName().startsWith("weft")
                || path != null && path.startsWith(ModuleFileSystem.BUILTIN_ROOT.toString());
    }

    private static SourceSection firstScriptFrame(PolyglotException e) {
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            SourceSection s = f.getSourceLocation();
            if (f.isGuestFrame() && s != null && !isWeftSource(s)) {
                return s;
            }
        }
        return null;
    }
}
