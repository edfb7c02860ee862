package dev.weft.cli.archive;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the files a script reads with {@code open('literal path')}, so the archive carries
 * them. A scan of the source text: paths built at run time are not found (the runtime's
 * {@code open()} does not report what it read yet). Stateless.
 */
final class OpenedFiles {
    private static final Pattern OPEN = Pattern.compile("\\bopen\\(\\s*(['\"`])([^'\"`$\\n]+)\\1");

    private OpenedFiles() {
    }

    /** Existing files named by literal open() calls in {@code sources}, relative to {@code scriptDir}. */
    static Map<Path, byte[]> find(Iterable<byte[]> sources, Path scriptDir) {
        Map<Path, byte[]> found = new LinkedHashMap<>();
        for (byte[] source : sources) {
            Matcher m = OPEN.matcher(new String(source, StandardCharsets.UTF_8));
            while (m.find()) {
                Path p = scriptDir.resolve(m.group(2)).normalize();
                try {
                    if (Files.isRegularFile(p)) {
                        found.put(p, Files.readAllBytes(p));
                    }
                } catch (java.io.IOException e) {
                    // unreadable: the run will say so when it opens it
                }
            }
        }
        return found;
    }
}
