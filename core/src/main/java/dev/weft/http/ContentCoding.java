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

/**
 * Content codings with the JDK's zip support: decodes response bodies by their Content-Encoding
 * (gzip, deflate; like k6, transparently, without asking with Accept-Encoding) and encodes
 * request bodies for k6's {@code compression} param. br and zstd bodies are left as received:
 * the JDK has no decoder for them. Stateless.
 */
final class ContentCoding {
    private ContentCoding() {
    }

    /** Request-side codings this client can apply. */
    static boolean canEncode(String coding) {
        String c = coding.strip().toLowerCase(Locale.ROOT);
        return c.equals("gzip") || c.equals("deflate");
    }

    /** Applies the codings in order; returns the body and the Content-Encoding value to send. */
    static byte[] encode(byte[] body, List<String> codings) {
        byte[] out = body;
        for (String coding : codings) {
            String c = coding.strip().toLowerCase(Locale.ROOT);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64, out.length / 2));
            try (OutputStream z = c.equals("gzip") ? new GZIPOutputStream(bytes) : new DeflaterOutputStream(bytes)) {
                z.write(out);
            } catch (IOException e) {
                throw new IllegalStateException("in-memory compression failed", e);
            }
            out = bytes.toByteArray();
        }
        return out;
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
                    default -> {
                        return out; // identity, br, zstd, unknown: passed through as received
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
