package dev.weft.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * The buffered read side of one connection, reused for every response on it. Reads are untimed
 * (a timed read on a virtual thread costs a timer per park): {@link DeadlineWatch} closes the
 * connection when the request's deadline passes, which ends a blocked read; a refill that starts
 * after the deadline fails at once. Used only by the thread holding the connection.
 */
final class WireInput {
    private static final int MAX_LINE = 64 * 1024;

    private final InputStream in;
    private final Socket socket;
    private byte[] buf = new byte[16 * 1024];
    private int pos;
    private int limit;
    private long deadline;
    private boolean untimed;

    WireInput(InputStream in, Socket socket) {
        this.in = in;
        this.socket = socket;
    }

    void deadline(long nanoTime) {
        this.deadline = nanoTime;
    }

    int buffered() {
        return limit - pos;
    }

    /** Reads more bytes into the buffer; false at end of stream. */
    boolean fill() throws IOException {
        if (pos > 0 && pos == limit) {
            pos = 0;
            limit = 0;
        } else if (limit == buf.length) {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            } else {
                byte[] bigger = new byte[buf.length * 2];
                System.arraycopy(buf, 0, bigger, 0, limit);
                buf = bigger;
            }
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new SocketTimeoutException("request deadline passed");
        }
        if (!untimed) {
            socket.setSoTimeout(0); // the dial left its timeout on the socket; DeadlineWatch bounds reads now
            untimed = true;
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n <= 0) {
            return false;
        }
        limit += n;
        return true;
    }

    /** One line without CR LF (a bare LF also ends it), as ISO-8859-1 text. */
    String readLine() throws IOException {
        int scanFrom = pos;
        while (true) {
            for (int i = scanFrom; i < limit; i++) {
                if (buf[i] == '\n') {
                    int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
                    pos = i + 1;
                    return line;
                }
            }
            if (limit - pos > MAX_LINE) {
                throw new HttpFailure(HttpErrorCodes.GENERIC, "malformed HTTP response: header line too long");
            }
            int scanned = limit - pos;
            if (!fill()) {
                throw new EOFException("connection closed before the response ended");
            }
            scanFrom = pos + scanned;
        }
    }

    /** Up to {@code len} bytes into {@code dst}; -1 at end of stream. */
    int read(byte[] dst, int off, int len) throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(buf, pos, dst, off, n);
        pos += n;
        return n;
    }

    /** Skips up to {@code len} bytes; -1 at end of stream. */
    long skip(long len) throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        int n = (int) Math.min(len, limit - pos);
        pos += n;
        return n;
    }

    static EOFException truncated() {
        return new EOFException("unexpected EOF");
    }
}
