package dev.weft.http;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * The zstd content coding through zstd-jni, a JNI binding of Facebook's C library (the JDK has no
 * Zstandard codec). Called by {@link ContentCoding} on VU threads; stateless apart from the
 * JVM-wide, load-once native library. Where that library cannot load (an OS/arch without a
 * bundled native), {@link #unavailable()} says why and a warning is logged once.
 */
final class ZstdCoding {
    /** The library's default level, as k6's Go encoder's default speed. */
    private static final int LEVEL = 3;

    private ZstdCoding() {
    }

    /** Why zstd cannot be used here, or null when it can. */
    static String unavailable() {
        return Library.PROBLEM;
    }

    /** Reads every frame of the body: streamed frames without a content size are common. */
    static byte[] decode(byte[] data) throws IOException {
        try (ZstdInputStreamNoFinalizer in = new ZstdInputStreamNoFinalizer(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }

    static byte[] encode(byte[] data) {
        return Zstd.compress(data, LEVEL);
    }

    /** Loaded on first use of zstd, so a platform without the native warns only if zstd is met. */
    private static final class Library {
        static final String PROBLEM = probe();

        private static String probe() {
            try {
                com.github.luben.zstd.util.Native.load();
                return null;
            } catch (LinkageError | RuntimeException e) {
                return ContentCoding.nativeUnavailable("zstd", "Zstandard native library (zstd-jni)", e);
            }
        }
    }
}
