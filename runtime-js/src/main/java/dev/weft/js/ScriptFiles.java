package dev.weft.js;

import dev.weft.js.loader.CommonJs;
import dev.weft.js.loader.TypeScriptException;
import dev.weft.js.loader.TypeStripper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Script and module files of one test, read from disk once and shared by every VU (files
 * don't change during a run, and 10,000 VUs should not read them 10,000 times). TypeScript
 * modules are type-stripped once here. Remembers which files were read, for archives.
 * Thread-safe.
 */
final class ScriptFiles {
    private static final byte[] MISSING = new byte[0];

    private final Path baseDir;
    private final ConcurrentHashMap<Path, byte[]> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Path, byte[]> stripped = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, byte[]> builtins = new ConcurrentHashMap<>();
    private final java.util.Set<Path> large = ConcurrentHashMap.newKeySet();

    /** Files larger than this are not kept in memory between reads. */
    static final long CACHE_LIMIT = 1 << 20;

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

    /** The file as a module: TypeScript files with their types erased; null if missing. */
    byte[] module(Path path) throws IOException {
        byte[] raw = read(path);
        if (raw == null) {
            return null;
        }
        Path abs = path.toAbsolutePath().normalize();
        byte[] js = stripped.get(abs);
        if (js == null) {
            String text = new String(raw, StandardCharsets.UTF_8);
            if (TypeStripper.isTypeScript(path.getFileName().toString())) {
                try {
                    text = TypeStripper.strip(text);
                } catch (TypeScriptException e) {
                    throw new IOException(abs + ":" + e.line() + ":" + e.column() + ": " + e.getMessage());
                }
            }
            // a CommonJS file imported as a module: an ES module that loads it through require()
            js = (CommonJs.isCommonJs(text) ? CommonJs.esmWrapper(abs, text) : text).getBytes(StandardCharsets.UTF_8);
            stripped.putIfAbsent(abs, js);
        }
        return js;
    }

    /**
     * A data file for {@code open()}: small ones come from the shared cache like modules; a file
     * over {@link #CACHE_LIMIT} is read from disk each time instead of being held for the whole
     * test (a 100 MB CSV fed to a SharedArray is needed once, not kept twice). Null if missing.
     */
    byte[] data(Path path) throws IOException {
        Path abs = path.toAbsolutePath().normalize();
        if (!cache.containsKey(abs) && Files.isRegularFile(abs) && Files.size(abs) > CACHE_LIMIT) {
            large.add(abs);
            return Files.readAllBytes(abs);
        }
        return read(abs);
    }

    /** Every local file read so far that exists, path to bytes as on disk. */
    Map<Path, byte[]> readSoFar() throws IOException {
        Map<Path, byte[]> files = new TreeMap<>();
        cache.forEach((p, b) -> {
            if (b != MISSING) {
                files.put(p, b);
            }
        });
        for (Path p : large) {
            files.put(p, Files.readAllBytes(p));
        }
        return files;
    }

    byte[] builtin(String name, Supplier<String> source) {
        return builtins.computeIfAbsent(name, n -> source.get().getBytes(StandardCharsets.UTF_8));
    }
}
