package dev.weft.js.loader;

import java.nio.file.Path;

/**
 * The {@code file:line:column} text of a place in script code for error messages: remote
 * modules show their URL, and code with an inline source map shows the original place. Called
 * when an error is reported, on the thread reporting it; stateless (a map is decoded per call,
 * which only errors pay for).
 */
public final class SourceLocations {
    private SourceLocations() {
    }

    /**
     * @param path       the source's path or name as GraalJS knows it
     * @param characters the source text, to look for an inline map; may be null
     */
    public static String describe(String path, CharSequence characters, int line, int column) {
        String shown = RemotePath.display(path);
        if (characters != null) {
            var original = SourceMap.inline(characters).flatMap(m -> m.original(line, column));
            if (original.isPresent()) {
                SourceMap.Position p = original.get();
                String file = p.source();
                if (!file.contains("://") && !file.startsWith("/") && path != null && !RemotePath.isRemote(file)) {
                    Path parent = Path.of(path).getParent();
                    file = parent == null ? file : parent.resolve(file).normalize().toString();
                }
                return RemotePath.display(file) + ":" + p.line() + ":" + p.column();
            }
        }
        return shown + ":" + line + ":" + column;
    }
}
