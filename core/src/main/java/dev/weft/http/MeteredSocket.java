package dev.weft.http;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * A TCP socket that counts the bytes crossing it. TLS is layered on top of it, so the counts are
 * what really went over the wire (k6's {@code data_sent}/{@code data_received}), TLS records and
 * handshakes included. Used by one VU thread at a time; the counters are plain fields.
 */
final class MeteredSocket extends Socket {
    private long bytesRead;
    private long bytesWritten;
    private InputStream in;
    private OutputStream out;

    long bytesRead() {
        return bytesRead;
    }

    long bytesWritten() {
        return bytesWritten;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        if (in == null) {
            InputStream raw = super.getInputStream();
            in = new FilterInputStream(raw) {
                @Override
                public int read() throws IOException {
                    int b = raw.read();
                    if (b >= 0) {
                        bytesRead++;
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = raw.read(b, off, len);
                    if (n > 0) {
                        bytesRead += n;
                    }
                    return n;
                }
            };
        }
        return in;
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        if (out == null) {
            OutputStream raw = super.getOutputStream();
            out = new FilterOutputStream(raw) {
                @Override
                public void write(int b) throws IOException {
                    raw.write(b);
                    bytesWritten++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    raw.write(b, off, len);
                    bytesWritten += len;
                }
            };
        }
        return out;
    }
}
