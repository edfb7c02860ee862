package dev.weft.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The buffered write side of one connection, reused for every request on it: request heads are
 * encoded straight into its buffer, so a small request leaves in one socket write. Used only by
 * the thread holding the connection.
 */
final class WireOutput {
    private final OutputStream out;
    private final byte[] buf = new byte[8 * 1024];
    private int n;

    WireOutput(OutputStream out) {
        this.out = out;
    }

    /** Writes header text; ISO-8859-1 characters as single bytes, anything beyond as UTF-8. */
    void writeText(String s) throws IOException {
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                write(s.substring(i).getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (n == buf.length) {
                flushBuffer();
            }
            buf[n++] = (byte) c;
        }
    }

    void writeCrlf() throws IOException {
        if (n + 2 > buf.length) {
            flushBuffer();
        }
        buf[n++] = '\r';
        buf[n++] = '\n';
    }

    void write(byte[] b) throws IOException {
        if (b.length <= buf.length - n) {
            System.arraycopy(b, 0, buf, n, b.length);
            n += b.length;
            return;
        }
        flushBuffer();
        if (b.length <= buf.length) {
            System.arraycopy(b, 0, buf, 0, b.length);
            n = b.length;
        } else {
            out.write(b);
        }
    }

    void writeDecimal(long value) throws IOException {
        writeText(Long.toString(value));
    }

    private void flushBuffer() throws IOException {
        if (n > 0) {
            out.write(buf, 0, n);
            n = 0;
        }
    }

    void flush() throws IOException {
        flushBuffer();
        out.flush();
    }
}
