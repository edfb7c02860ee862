package dev.weft.js;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Script and module files of one test, read from disk once and shared by every VU (files
 * don't change during a run, and 10,000 VUs should not read them 10,000 times). Thread-safe.
 */
final class ScriptFiles {
    private static final byte[] MISSING = new byte[0];

    private final Path baseDir;
    private final ConcurrentHashMap<Path, byte[]> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, byte[]> builtins = new ConcurrentHashMap<>();

    ScriptFiles(Path baseDir) {
        this.baseDir = baseDir;
    }

    Path baseDir() {
        return baseDir;
    }

    /** The file's bytes, or null if it does not exist. */
    byte[] read(Path path) throws IOException {
        Path abs = path.toAbsolutePath().normalize();
        byte[] b = cache.get(abs);
        if (b == null) {
            b = Files.isRegularFile(abs) ? Files.readAllBytes(abs) : MISSING;
            cache.putIfAbsent(abs, b);
        }
        return b == MISSING ? null : b;
    }

    byte[] builtin(String name, Supplier<String> source) {
        return builtins.computeIfAbsent(name, n -> source.get().getBytes(StandardCharsets.UTF_8));
    }
}
