package dev.weft.http;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

/**
 * Writes one HTTP/1.1 request on a connection and reads its response: status line (skipping
 * interim 1xx), headers, and a body framed by chunked coding, Content-Length or connection close
 * (none for HEAD, 204 and 304). Marks the connection unreusable when the response says so or its
 * body was close-delimited. Stamps "request written" and "first byte" on the {@link Trace}.
 * Stateless; runs on the thread that holds the connection.
 */
final class Http1Exchange {
    private static final byte[] EMPTY = new byte[0];
    private static final int MAX_HEADERS = 1000;

    /** A response as read off the wire; the body still content-encoded. */
    record Result(int status, String proto, String statusText, HttpHeaders headers, byte[] body) {
    }

    /** Thrown when a connection closed before any byte of a response: a stale keep-alive candidate. */
    static final class NoResponseException extends EOFException {
        NoResponseException() {
            super("connection closed before any response byte");
        }
    }

    private Http1Exchange() {
    }

    /** Writes the request line, the given headers (already complete) and the body, then flushes. */
    static void writeRequest(Connection c, String method, String target, HttpHeaders headers, byte[] body)
            throws IOException {
        WireOutput out = c.out;
        out.writeText(method);
        out.writeText(" ");
        out.writeText(target);
        out.writeText(" HTTP/1.1");
        out.writeCrlf();
        for (int i = 0; i < headers.size(); i++) {
            out.writeText(headers.name(i));
            out.writeText(": ");
            out.writeText(headers.value(i));
            out.writeCrlf();
        }
        out.writeCrlf();
        if (body.length > 0) {
            out.write(body);
        }
        out.flush();
    }

    static Result readResponse(Connection c, String method, boolean discardBody, Trace trace) throws IOException {
        WireInput in = c.in;
        if (in.buffered() == 0 && !in.fill()) {
            throw new NoResponseException();
        }
        trace.firstByte = System.nanoTime();
        while (true) {
            String statusLine = in.readLine();
            int sp = statusLine.indexOf(' ');
            if (!statusLine.startsWith("HTTP/") || sp < 0 || statusLine.length() < sp + 4) {
                throw new HttpFailure(HttpErrorCodes.GENERIC, "malformed HTTP response \"" + statusLine + "\"");
            }
            int status = parseStatus(statusLine, sp + 1);
            String proto = statusLine.substring(0, sp);
            String statusText = statusLine.substring(sp + 1).strip();
            Head head = readHeaders(in);
            if (status >= 100 && status < 200 && status != 101) {
                continue; // interim response: the real one follows
            }
            boolean bodiless = method.equals("HEAD") || status < 200 || status == 204 || status == 304;
            byte[] body;
            if (bodiless) {
                body = EMPTY;
            } else if (head.chunked) {
                body = readChunked(in, discardBody);
            } else if (head.contentLength >= 0) {
                body = readFixed(in, head.contentLength, discardBody);
            } else {
                body = readToEnd(in, discardBody);
                c.reusable = false;
            }
            if (head.close || (proto.equals("HTTP/1.0") && !head.keepAlive) || status == 101) {
                c.reusable = false;
            }
            return new Result(status, proto, statusText, head.headers, body);
        }
    }

    private static int parseStatus(String line, int at) throws HttpFailure {
        int code = 0;
        for (int i = at; i < at + 3; i++) {
            char ch = line.charAt(i);
            if (ch < '0' || ch > '9') {
                throw new HttpFailure(HttpErrorCodes.GENERIC, "malformed HTTP status code in \"" + line + "\"");
            }
            code = code * 10 + (ch - '0');
        }
        return code;
    }

    private static final class Head {
        HttpHeaders headers;
        long contentLength = -1;
        boolean chunked;
        boolean close;
        boolean keepAlive;
    }

    private static Head readHeaders(WireInput in) throws IOException {
        Head head = new Head();
        HttpHeaders.Builder b = HttpHeaders.builder();
        String name = null;
        String value = null;
        int count = 0;
        for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                value = value + " " + line.strip(); // obsolete line folding
                continue;
            }
            if (name != null) {
                note(head, b, name, value);
            }
            if (++count > MAX_HEADERS) {
                throw new HttpFailure(HttpErrorCodes.GENERIC, "malformed HTTP response: too many headers");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new HttpFailure(HttpErrorCodes.GENERIC, "malformed MIME header line: " + line);
            }
            name = line.substring(0, colon);
            value = line.substring(colon + 1).strip();
        }
        if (name != null) {
            note(head, b, name, value);
        }
        head.headers = b.build();
        return head;
    }

    private static void note(Head head, HttpHeaders.Builder b, String name, String value) throws HttpFailure {
        b.add(name, value);
        switch (name.length()) {
            case 14 -> {
                if (name.equalsIgnoreCase("Content-Length")) {
                    try {
                        head.contentLength = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new HttpFailure(HttpErrorCodes.GENERIC, "bad Content-Length \"" + value + "\"");
                    }
                }
            }
            case 17 -> {
                if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    head.chunked = value.regionMatches(true, value.length() - 7, "chunked", 0, 7);
                }
            }
            case 10 -> {
                if (name.equalsIgnoreCase("Connection")) {
                    head.close |= containsToken(value, "close");
                    head.keepAlive |= containsToken(value, "keep-alive");
                }
            }
            default -> { }
        }
    }

    private static boolean containsToken(String value, String token) {
        for (String part : value.split(",")) {
            if (part.strip().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] readFixed(WireInput in, long length, boolean discard) throws IOException {
        if (discard) {
            for (long left = length; left > 0; ) {
                long n = in.skip(left);
                if (n < 0) {
                    throw WireInput.truncated();
                }
                left -= n;
            }
            return EMPTY;
        }
        if (length > Integer.MAX_VALUE - 16) {
            throw new HttpFailure(HttpErrorCodes.GENERIC, "response body too large");
        }
        byte[] body = new byte[(int) Math.min(length, 16 * 1024 * 1024)];
        int off = 0;
        while (off < length) {
            if (off == body.length) {
                body = Arrays.copyOf(body, (int) Math.min(length, (long) body.length * 2));
            }
            int n = in.read(body, off, body.length - off);
            if (n < 0) {
                throw WireInput.truncated();
            }
            off += n;
        }
        return body;
    }

    private static byte[] readChunked(WireInput in, boolean discard) throws IOException {
        byte[] body = discard ? EMPTY : new byte[1024];
        int size = 0;
        while (true) {
            long chunk = parseChunkSize(in.readLine());
            if (chunk == 0) {
                while (!in.readLine().isEmpty()) { // trailers: read and ignored
                }
                return discard ? EMPTY : Arrays.copyOf(body, size);
            }
            if (discard) {
                readFixed(in, chunk, true);
            } else {
                if (size + chunk > Integer.MAX_VALUE - 16) {
                    throw new HttpFailure(HttpErrorCodes.GENERIC, "response body too large");
                }
                int needed = size + (int) chunk;
                if (needed > body.length) {
                    body = Arrays.copyOf(body, Math.max(needed, body.length * 2));
                }
                while (size < needed) {
                    int n = in.read(body, size, needed - size);
                    if (n < 0) {
                        throw WireInput.truncated();
                    }
                    size += n;
                }
            }
            if (!in.readLine().isEmpty()) {
                throw new HttpFailure(HttpErrorCodes.GENERIC, "malformed chunked encoding");
            }
        }
    }

    private static long parseChunkSize(String line) throws HttpFailure {
        long size = 0;
        int digits = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            int d = Character.digit(ch, 16);
            if (d < 0) {
                if (ch == ';' || ch == ' ' || ch == '\t') {
                    break;
                }
                throw new HttpFailure(HttpErrorCodes.GENERIC, "malformed chunked encoding");
            }
            size = size * 16 + d;
            if (++digits > 15) {
                throw new HttpFailure(HttpErrorCodes.GENERIC, "chunk too large");
            }
        }
        if (digits == 0) {
            throw new HttpFailure(HttpErrorCodes.GENERIC, "malformed chunked encoding");
        }
        return size;
    }

    private static byte[] readToEnd(WireInput in, boolean discard) throws IOException {
        byte[] body = discard ? new byte[8192] : new byte[4096];
        int size = 0;
        while (true) {
            if (!discard && size == body.length) {
                body = Arrays.copyOf(body, body.length * 2);
            }
            int n = discard ? in.read(body, 0, body.length) : in.read(body, size, body.length - size);
            if (n < 0) {
                return discard ? EMPTY : Arrays.copyOf(body, size);
            }
            if (!discard) {
                size += n;
            }
        }
    }
}
