package dev.weft.target;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One listening port: a virtual thread accepts, and each accepted connection gets its own
 * virtual thread running a {@link ServerConnection}. For TLS the accepted socket is wrapped
 * with the server's certificate once it is ready, so start-up never waits for it.
 * {@link #close()} is called once, by whoever owns the server.
 */
final class Listener implements AutoCloseable {
    private final ServerSocket server;
    private final Routes routes;
    private final CompletableFuture<SSLSocketFactory> tls;
    private final Map<Socket, Thread> open = new ConcurrentHashMap<>();
    private final Thread acceptor;
    private final java.util.concurrent.atomic.AtomicLong accepted = new java.util.concurrent.atomic.AtomicLong();

    /** @param tls the server-side TLS socket factory to come, or null for plain HTTP */
    Listener(InetSocketAddress address, Routes routes, CompletableFuture<SSLSocketFactory> tls)
            throws IOException {
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(address, 1024);
        this.routes = routes;
        this.tls = tls;
        this.acceptor = Thread.ofVirtual().name("target-accept-" + port()).start(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            long id = accepted.incrementAndGet();
            Thread t = Thread.ofVirtual().unstarted(() -> serve(socket, id));
            open.put(socket, t);
            t.start();
        }
    }

    private void serve(Socket raw, long id) {
        Socket socket = raw;
        if (tls != null) {
            try {
                SSLSocket ssl = (SSLSocket) tls.join().createSocket(raw, null, raw.getPort(), true);
                ssl.setUseClientMode(false);
                socket = ssl;
            } catch (IOException | RuntimeException e) {
                closeQuietly(raw);
                open.remove(raw);
                return;
            }
        }
        new ServerConnection(socket, routes, tls != null, id, () -> open.remove(raw)).run();
    }

    /** Stops accepting, closes every open connection and waits for their threads to end. */
    @Override
    public void close() {
        closeQuietly(server);
        List<Map.Entry<Socket, Thread>> live = List.copyOf(open.entrySet());
        for (Map.Entry<Socket, Thread> e : live) {
            closeQuietly(e.getKey());
        }
        try {
            acceptor.join(2_000);
            for (Map.Entry<Socket, Thread> e : live) {
                e.getValue().join(2_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing on shutdown: nothing useful to do with a failure
        }
    }
}
