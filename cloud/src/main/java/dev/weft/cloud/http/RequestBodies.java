package dev.weft.cloud.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a request body within limits: at most {@code maxBytes} on the wire and, for a gzip
 * body, at most {@code maxDecompressedBytes} once inflated (a gzip bomb stops at the cap).
 * Stateless; called on request threads.
 */
public final class RequestBodies {
    private final int maxBytes;
    private final int maxDecompressedBytes;

    public RequestBodies(int maxBytes, int maxDecompressedBytes) {
        this.maxBytes = maxBytes;
        this.maxDecompressedBytes = maxDecompressedBytes;
    }

    /** The body as UTF-8 text, inflated when {@code Content-Encoding: gzip}. */
    public String text(HttpExchange exchange) throws IOException, ApiException {
        byte[] raw = raw(exchange);
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
            return new String(raw, StandardCharsets.UTF_8);
        }
        if (!encoding.equalsIgnoreCase("gzip")) {
            throw new ApiException(415, "unsupported Content-Encoding '" + encoding + "'; use gzip or none");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return new String(readCapped(in, maxDecompressedBytes,
                    "decompressed body is larger than " + maxDecompressedBytes + " bytes", false), StandardCharsets.UTF_8);
        } catch (ZipException | java.io.EOFException e) {
            throw new ApiException(400, "malformed gzip body: " + e.getMessage());
        }
    }

    /** The most a decoded body may grow to (a compressed body is refused past it before inflating). */
    public int maxDecompressedBytes() {
        return maxDecompressedBytes;
    }

    /**
     * The body's bytes as sent (no content coding undone), at most {@code maxBytes}; a chunked
     * body is read to its end like any other.
     */
    public byte[] raw(HttpExchange exchange) throws IOException, ApiException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBytes) {
                    drain(exchange.getRequestBody());
                    throw tooLarge("request body is larger than " + maxBytes + " bytes");
                }
            } catch (NumberFormatException e) {
                throw new ApiException(400, "malformed Content-Length");
            }
        }
        return readCapped(exchange.getRequestBody(), maxBytes, "request body is larger than " + maxBytes + " bytes", true);
    }

    /**
     * Reads and drops what is left of an oversized body (up to a bound) so the client, still
     * sending, gets to read the 413 instead of a reset connection.
     */
    private void drain(InputStream in) throws IOException {
        long left = 4L * Math.max(maxBytes, maxDecompressedBytes);
        byte[] buffer = new byte[64 * 1024];
        int n;
        while (left > 0 && (n = in.read(buffer)) != -1) {
            left -= n;
        }
    }

    private byte[] readCapped(InputStream in, int cap, String message, boolean drainRest) throws IOException, ApiException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > cap) {
                if (drainRest) {
                    drain(in);
                }
                throw tooLarge(message);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static ApiException tooLarge(String message) {
        return new ApiException(413, message);
    }
}
