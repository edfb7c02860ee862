package dev.weft.http;

import java.io.IOException;
import java.net.Socket;

/**
 * One open HTTP/1.1 connection (plain or TLS) with its reusable buffers. Owned by one VU: either
 * idle in its {@link ConnectionPool} or in use by its thread, never both.
 */
final class Connection {
    final String origin;
    final MeteredSocket raw;
    final Socket socket;
    final WireInput in;
    final WireOutput out;
    final String remoteIp;
    final int remotePort;
    final String tlsVersion;
    final String cipherSuite;
    /** The ALPN protocol the server chose ("h2", "http/1.1"), or "" (plain HTTP, no ALPN). */
    final String applicationProtocol;
    /** Set for plain HTTP through a forward proxy: requests use the absolute form and this header. */
    final ProxyEnvironment.Proxy forwardProxy;
    /** The running exchange's deadline (System.nanoTime()), read by {@link DeadlineWatch}'s thread. */
    volatile long deadline;
    /** False once the connection must not carry another request (close, error, unread body). */
    boolean reusable = true;

    Connection(String origin, MeteredSocket raw, Socket socket, String remoteIp, int remotePort,
               String tlsVersion, String cipherSuite, String applicationProtocol,
               ProxyEnvironment.Proxy forwardProxy) throws IOException {
        this.origin = origin;
        this.raw = raw;
        this.socket = socket;
        this.in = new WireInput(socket.getInputStream(), socket);
        this.out = new WireOutput(socket.getOutputStream());
        this.remoteIp = remoteIp;
        this.remotePort = remotePort;
        this.tlsVersion = tlsVersion;
        this.cipherSuite = cipherSuite;
        this.applicationProtocol = applicationProtocol == null ? "" : applicationProtocol;
        this.forwardProxy = forwardProxy;
    }

    long bytesRead() {
        return raw.bytesRead();
    }

    long bytesWritten() {
        return raw.bytesWritten();
    }

    boolean isOpen() {
        return !socket.isClosed();
    }

    /**
     * Closes the TCP socket under any TLS layer, from another thread: a read or write blocked on
     * it fails at once. Used by {@link DeadlineWatch}; closing a TLS socket instead would try to
     * send close_notify, which can wait on the very thread being stopped. The owner then calls
     * {@link #close()}.
     */
    void abort() {
        reusable = false;
        try {
            raw.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    void close() {
        reusable = false;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a broken connection: nothing to report
        }
        try {
            raw.close();
        } catch (IOException ignored) {
            // as above
        }
    }
}
