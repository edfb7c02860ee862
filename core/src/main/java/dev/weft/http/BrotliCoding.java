package dev.weft.http;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * The br content coding through brotli4j, a JNI binding of Google's C library (the JDK has no
 * Brotli codec). Called by {@link ContentCoding} on VU threads; stateless apart from the
 * JVM-wide, load-once native library. Where that library cannot load (an OS/arch without a
 * bundled native), {@link #unavailable()} says why and a warning is logged once.
 */
final class BrotliCoding {
    /** k6's Go encoder uses quality 6 by default; the C library's 11 costs far more CPU per request. */
    private static final int QUALITY = 6;

    private BrotliCoding() {
    }

    /** Why br cannot be used here, or null when it can. */
    static String unavailable() {
        return Library.PROBLEM;
    }

    static byte[] decode(byte[] data) throws IOException {
        try (BrotliInputStream in = new BrotliInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }

    static byte[] encode(byte[] data) {
        try {
            return Encoder.compress(data, new Encoder.Parameters().setQuality(QUALITY));
        } catch (IOException e) {
            throw new IllegalStateException("in-memory br compression failed", e);
        }
    }

    /** Loaded on first use of br, so a platform without the native warns only if br is met. */
    private static final class Library {
        static final String PROBLEM = probe();

        private static String probe() {
            Throwable cause;
            try {
                cause = Brotli4jLoader.isAvailable() ? null : Brotli4jLoader.getUnavailabilityCause();
            } catch (LinkageError e) {
                cause = e;
            }
            return cause == null ? null
                    : ContentCoding.nativeUnavailable("br", "Brotli native library (brotli4j)", cause);
        }
    }
}
