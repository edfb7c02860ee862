package dev.weft.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.tinylog.Logger;

/**
 * Content codings: decodes response bodies by their Content-Encoding (gzip, deflate with the
 * JDK's zip support, br and zstd through {@link BrotliCoding} and {@link ZstdCoding}; like k6,
 * transparently, without asking with Accept-Encoding) and encodes request bodies for k6's
 * {@code compression} param. Where br's or zstd's native library cannot load, those bodies are
 * left as received and those compressions are refused. Called on VU threads; stateless.
 */
final class ContentCoding {
    private ContentCoding() {
    }

    /**
     * Checks that this client can apply a request-side coding.
     *
     * @throws IllegalArgumentException naming the coding, and for br or zstd on a platform
     *                                  without their native library, why
     */
    static void requireEncodable(String coding) {
        String c = coding.strip().toLowerCase(Locale.ROOT);
        String missingLibrary = switch (c) {
            case "gzip", "deflate" -> null;
            case "br" -> BrotliCoding.unavailable();
            case "zstd" -> ZstdCoding.unavailable();
            default -> throw new IllegalArgumentException("unsupported compression type " + coding);
        };
        if (missingLibrary != null) {
            throw new IllegalArgumentException("compression " + c + " is unavailable: " + missingLibrary);
        }
    }

    /**
     * Describes a native codec library that could not load and warns once (the caller keeps the
     * result); returns the reason given wherever that coding is refused.
     */
    static String nativeUnavailable(String coding, String library, Throwable cause) {
        String problem = "the " + library + " could not load on " + System.getProperty("os.name") + "/"
                + System.getProperty("os.arch") + ": " + cause;
        Logger.warn("{} response bodies are left as received and compression \"{}\" is refused: {}", coding, coding,
                problem);
        return problem;
    }

    /** Applies the codings in order; returns the body and the Content-Encoding value to send. */
    static byte[] encode(byte[] body, List<String> codings) {
        byte[] out = body;
        for (String coding : codings) {
            String c = coding.strip().toLowerCase(Locale.ROOT);
            out = switch (c) {
                case "br" -> BrotliCoding.encode(out);
                case "zstd" -> ZstdCoding.encode(out);
                default -> zip(out, c.equals("gzip"));
            };
        }
        return out;
    }

    private static byte[] zip(byte[] data, boolean gzip) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64, data.length / 2));
        try (OutputStream z = gzip ? new GZIPOutputStream(bytes) : new DeflaterOutputStream(bytes)) {
            z.write(data);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory compression failed", e);
        }
        return bytes.toByteArray();
    }

    /** Decodes a body by its Content-Encoding header (codings applied last are undone first). */
    static byte[] decode(byte[] body, String contentEncoding) throws HttpFailure {
        if (contentEncoding == null || body.length == 0) {
            return body;
        }
        String[] codings = contentEncoding.split(",");
        byte[] out = body;
        for (int i = codings.length - 1; i >= 0; i--) {
            String c = codings[i].strip().toLowerCase(Locale.ROOT);
            try {
                switch (c) {
                    case "gzip", "x-gzip" -> out = readAll(new GZIPInputStream(new ByteArrayInputStream(out)));
                    case "deflate" -> out = inflate(out);
                    case "br" -> {
                        if (BrotliCoding.unavailable() != null) {
                            return out; // warned once by BrotliCoding
                        }
                        out = BrotliCoding.decode(out);
                    }
                    case "zstd" -> {
                        if (ZstdCoding.unavailable() != null) {
                            return out; // warned once by ZstdCoding
                        }
                        out = ZstdCoding.decode(out);
                    }
                    default -> {
                        return out; // identity, unknown: passed through as received
                    }
                }
            } catch (IOException e) {
                throw new HttpFailure(HttpErrorCodes.RESPONSE_DECOMPRESSION,
                        "error decompressing response body (" + c + "): " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** "deflate" is zlib-wrapped by the standard, but some servers send raw deflate; accept both. */
    private static byte[] inflate(byte[] data) throws IOException {
        boolean zlib = data.length >= 2 && (data[0] & 0x0f) == 8 && ((data[0] & 0xff) << 8 | (data[1] & 0xff)) % 31 == 0;
        Inflater inflater = new Inflater(!zlib);
        try {
            return readAll(new InflaterInputStream(new ByteArrayInputStream(data), inflater));
        } finally {
            inflater.end();
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
