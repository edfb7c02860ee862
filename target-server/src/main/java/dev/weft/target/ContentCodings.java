package dev.weft.target;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The content codings the target speaks: gzip, deflate (zlib), br (brotli4j) and zstd
 * (zstd-jni), to encode its compressed responses and to undo a request body's Content-Encoding
 * on the echo routes. Called by routes on connection threads; stateless.
 */
final class ContentCodings {
    private ContentCodings() {
    }

    /**
     * Applies one coding.
     *
     * @throws UnsupportedOperationException for an unknown coding, or br/zstd where its native
     *                                       library cannot load
     */
    static byte[] encode(byte[] data, String coding) {
        String c = coding.strip().toLowerCase(Locale.ROOT);
        try {
            return switch (c) {
                case "gzip" -> zip(data, true);
                case "deflate" -> zip(data, false);
                case "br" -> {
                    Brotli4jLoader.ensureAvailability();
                    yield Encoder.compress(data);
                }
                case "zstd" -> Zstd.compress(data);
                default -> throw new UnsupportedOperationException("unknown content coding " + coding);
            };
        } catch (IOException | LinkageError e) {
            throw new UnsupportedOperationException("cannot encode " + c + ": " + e, e);
        }
    }

    /**
     * Undoes a Content-Encoding header's codings, the last applied first.
     *
     * @throws IOException for a body that is not what its codings say, an unknown coding, or
     *                     br/zstd where its native library cannot load
     */
    static byte[] decode(byte[] data, String contentEncoding) throws IOException {
        String[] codings = contentEncoding.split(",");
        byte[] out = data;
        for (int i = codings.length - 1; i >= 0; i--) {
            String c = codings[i].strip().toLowerCase(Locale.ROOT);
            try {
                out = switch (c) {
                    case "identity", "" -> out;
                    case "gzip" -> readAll(new GZIPInputStream(new ByteArrayInputStream(out)));
                    case "deflate" -> readAll(new InflaterInputStream(new ByteArrayInputStream(out)));
                    case "br" -> {
                        Brotli4jLoader.ensureAvailability();
                        yield readAll(new BrotliInputStream(new ByteArrayInputStream(out)));
                    }
                    case "zstd" -> readAll(new ZstdInputStreamNoFinalizer(new ByteArrayInputStream(out)));
                    default -> throw new IOException("unknown content coding " + c);
                };
            } catch (LinkageError e) {
                throw new IOException("cannot decode " + c + ": " + e, e);
            }
        }
        return out;
    }

    private static byte[] zip(byte[] data, boolean gzip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = gzip ? new GZIPOutputStream(bytes) : new DeflaterOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
