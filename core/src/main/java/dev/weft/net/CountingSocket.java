package dev.weft.net;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP socket adding the bytes crossing it to counters that several connections may share
 * (hence atomics): what k6's dialer counts for {@code data_sent}/{@code data_received}. TLS, when
 * used, is layered on top, so its handshake and records count too. Used by the Redis client's
 * connection pool and by the WebSocket client, from any thread.
 */
public final class CountingSocket extends Socket {
    private final AtomicLong sent;
    private final AtomicLong received;
    private InputStream in;
    private OutputStream out;

    public CountingSocket(AtomicLong sent, AtomicLong received) {
        this.sent = sent;
        this.received = received;
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
                        received.incrementAndGet();
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = raw.read(b, off, len);
                    if (n > 0) {
                        received.addAndGet(n);
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
                    sent.incrementAndGet();
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    raw.write(b, off, len);
                    sent.addAndGet(len);
                }
            };
        }
        return out;
    }
}
