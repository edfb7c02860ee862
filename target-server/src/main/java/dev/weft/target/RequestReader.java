package dev.weft.target;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads HTTP/1.1 requests (request line, headers, Content-Length or chunked body) from one
 * connection with its own buffer, so several pipelined or keep-alive requests share it. Used only
 * by that connection's virtual thread.
 */
final class RequestReader {
    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final InputStream in;
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int limit;

    RequestReader(InputStream in) {
        this.in = in;
    }

    /**
     * Reads the next request, answering "100 Continue" on {@code out} when the client asks for it.
     *
     * @return the request, or null when the client closed the connection between requests
     */
    TargetRequest read(boolean tls, String remote, long connectionId, OutputStream out) throws IOException {
        String requestLine = readLine(true);
        if (requestLine == null) {
            return null;
        }
        while (requestLine.isEmpty()) { // tolerate stray CRLF between requests
            requestLine = readLine(true);
            if (requestLine == null) {
                return null;
            }
        }
        int sp1 = requestLine.indexOf(' ');
        int sp2 = requestLine.lastIndexOf(' ');
        if (sp1 <= 0 || sp2 <= sp1) {
            throw new BadRequestException("malformed request line");
        }
        String method = requestLine.substring(0, sp1);
        String target = requestLine.substring(sp1 + 1, sp2);
        String version = requestLine.substring(sp2 + 1);
        List<Map.Entry<String, String>> headers = new ArrayList<>(12);
        long contentLength = -1;
        boolean chunked = false;
        boolean expectContinue = false;
        for (String line = readLine(false); !line.isEmpty(); line = readLine(false)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new BadRequestException("malformed header line");
            }
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            headers.add(Map.entry(name, value));
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = parseLength(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase(java.util.Locale.ROOT).endsWith("chunked");
            } else if (name.equalsIgnoreCase("Expect")) {
                expectContinue = value.equalsIgnoreCase("100-continue");
            }
        }
        if (expectContinue && (chunked || contentLength > 0)) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        byte[] body = chunked ? readChunked() : readFixed(Math.max(contentLength, 0));
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q + 1);
        if (path.startsWith("http://") || path.startsWith("https://")) { // absolute-form (proxies)
            int slash = path.indexOf('/', path.indexOf("//") + 2);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        return new TargetRequest(method, path, query, version, headers, body, tls, remote, connectionId);
    }

    private static long parseLength(String value) throws BadRequestException {
        try {
            long n = Long.parseLong(value);
            if (n < 0 || n > MAX_BODY) {
                throw new BadRequestException("bad Content-Length");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequestException("bad Content-Length");
        }
    }

    private byte[] readFixed(long length) throws IOException {
        byte[] body = new byte[(int) length];
        int off = 0;
        while (off < body.length) {
            if (pos == limit && !fill()) {
                throw new EOFException("body cut short");
            }
            int n = Math.min(limit - pos, body.length - off);
            System.arraycopy(buf, pos, body, off, n);
            pos += n;
            off += n;
        }
        return body;
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(false);
            int semi = sizeLine.indexOf(';');
            String hex = (semi < 0 ? sizeLine : sizeLine.substring(0, semi)).strip();
            int size;
            try {
                size = Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                throw new BadRequestException("bad chunk size");
            }
            if (size == 0) {
                while (!readLine(false).isEmpty()) { // trailers are ignored
                }
                return out.toByteArray();
            }
            if (out.size() + size > MAX_BODY) {
                throw new BadRequestException("body too large");
            }
            out.write(readFixed(size));
            readLine(false); // CRLF after the chunk data
        }
    }

    /** A line without its CRLF (a bare LF is accepted); null only for EOF before any byte when allowed. */
    private String readLine(boolean eofAllowed) throws IOException {
        int start = pos;
        while (true) {
            for (int i = start; i < limit; i++) {
                if (buf[i] == '\n') {
                    int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
                    pos = i + 1;
                    return line;
                }
            }
            start = limit;
            if (limit - pos >= MAX_LINE) {
                throw new BadRequestException("line too long");
            }
            int before = limit - pos;
            if (!fill()) {
                if (eofAllowed && before == 0) {
                    return null;
                }
                throw new EOFException("connection closed mid-line");
            }
            start = pos + before;
        }
    }

    /** Makes room and reads more bytes; false at end of stream. */
    private boolean fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            throw new BadRequestException("line too long");
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n <= 0) {
            return false;
        }
        limit += n;
        return true;
    }

    /** The client sent something that is not HTTP/1.1; the server answers 400 and closes. */
    static final class BadRequestException extends IOException {
        BadRequestException(String message) {
            super(message);
        }
    }
}
