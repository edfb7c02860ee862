package dev.weft.js.module.fs;

import dev.weft.js.module.HostObject;
import dev.weft.js.module.JsModule;
import dev.weft.js.module.Phase;
import dev.weft.js.module.VuScope;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.proxy.ProxyArray;

/**
 * The {@code k6/experimental/fs} module: {@code open(path)} in init code gives each VU its own
 * {@code File} (position, {@code read}, {@code seek}, {@code stat}) over contents read from disk
 * once per test and shared, as k6 caches them. Host calls answer {@code [true, value]} or
 * {@code [false, errorName, message]}. One instance per test; calls run on the VU's thread.
 */
public final class FsModule implements JsModule {
    private final ConcurrentHashMap<Path, byte[]> contents = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "k6/experimental/fs";
    }

    @Override
    public List<String> exportNames() {
        return List.of("open", "SeekMode", "File");
    }

    @Override
    public Object instance(VuScope vu) {
        HostObject host = new HostObject().fn("open", args -> open(vu, args[0].asString()));
        return vu.scripts().instantiate(vu, "fs.js", host.build());
    }

    private Object open(VuScope vu, String path) {
        if (vu.phase() != Phase.INIT) {
            return ProxyArray.fromArray(false, "ForbiddenError",
                    "open() failed; reason: opening a file is allowed only in the Init context");
        }
        if (path.isEmpty()) {
            return ProxyArray.fromArray(false, "TypeError", "open() failed; reason: path cannot be empty");
        }
        Path abs = vu.services().scriptDir().resolve(path).toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            return ProxyArray.fromArray(false, "InvalidResourceError",
                    "cannot open " + path + ": opening a directory is not supported");
        }
        if (!Files.isRegularFile(abs)) {
            return ProxyArray.fromArray(false, "NotFoundError", "no such file or directory \"" + abs + "\"");
        }
        byte[] data;
        try {
            data = contents.computeIfAbsent(abs, p -> {
                try {
                    return Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            return ProxyArray.fromArray(false, "NotFoundError", "open() failed; reason: " + e.getCause().getMessage());
        }
        return ProxyArray.fromArray(true, abs.toString(), abs.getFileName().toString(),
                ByteBuffer.wrap(data).asReadOnlyBuffer());
    }
}
