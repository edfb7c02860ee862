package dev.weft.target;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLContext;

/**
 * A local httpbin-like target: plain HTTP on one port and the same routes over TLS on another.
 * Started by tests, benchmarks and the CLI's quickstart from any thread; each connection is
 * served on its own virtual thread. Close it to stop listening and drop every connection.
 *
 * <p>Routes: {@code /} (tiny body), {@code /get /post /put /patch /delete /anything} (JSON echo
 * of args, headers, url, method, data, form, files, json), {@code /headers /ip /user-agent},
 * {@code /status/{code}}, {@code /delay/{seconds}}, {@code /bytes/{n}?seed=}, {@code /gzip},
 * {@code /deflate}, {@code /brotli}, {@code /zstd}, {@code /compressed/{codings}} (e.g.
 * {@code gzip,br}: stacked Content-Encoding), {@code /chunked/{n}}, {@code /close-delimited/{n}},
 * {@code /response-headers?k=v}, {@code /cache}, {@code /redirect/{n}},
 * {@code /absolute-redirect/{n}}, {@code /relative-redirect/{n}},
 * {@code /redirect-to?url=&status_code=}, {@code /cookies}, {@code /cookies/set?k=v},
 * {@code /cookies/delete?k}, {@code /basic-auth/{user}/{pass}}, {@code /bearer},
 * {@code /digest-auth/{qop}/{user}/{pass}[/{MD5|SHA-256}]}, {@code /connection-id} (which accepted
 * connection carried the request, to check keep-alive reuse). The same routes speak HTTP/2 on
 * {@link #h2BaseUrl()}. A WebSocket echo ({@code /ws/echo}) listens on {@link #wsBaseUrl()}.
 */
public final class TargetServer implements AutoCloseable {
    private final Listener http;
    private final Listener https;
    private final String host;
    private final InetAddress bindAddress;
    private final Routes routes;
    private final CompletableFuture<SSLContext> tls;
    private final ReentrantLock h2Lock = new ReentrantLock();
    private H2Listener h2;
    private WsListener ws;
    private boolean closed;

    private TargetServer(Listener http, Listener https, String host, InetAddress bindAddress, Routes routes,
                         CompletableFuture<SSLContext> tls) {
        this.http = http;
        this.https = https;
        this.host = host;
        this.bindAddress = bindAddress;
        this.routes = routes;
        this.tls = tls;
    }

    /**
     * Starts HTTP on {@code address} (port 0 picks a free one) and HTTPS on a free port of the same
     * interface. The TLS certificate is made in the background; the first TLS connection waits
     * for it.
     */
    public static TargetServer start(InetSocketAddress address) throws IOException {
        return start(address, new InetSocketAddress(address.getAddress(), 0));
    }

    /** Starts HTTP on {@code httpAddress} and HTTPS on {@code httpsAddress}. */
    public static TargetServer start(InetSocketAddress httpAddress, InetSocketAddress httpsAddress)
            throws IOException {
        Routes routes = new Routes();
        CompletableFuture<SSLContext> tls = new CompletableFuture<>();
        Thread.ofVirtual().name("target-certificate").start(() -> {
            try {
                tls.complete(SelfSignedCertificate.createServerContext());
            } catch (RuntimeException e) {
                tls.completeExceptionally(e);
            }
        });
        Listener http = new Listener(httpAddress, routes, null);
        Listener https;
        try {
            https = new Listener(httpsAddress, routes, tls.thenApply(SSLContext::getSocketFactory));
        } catch (IOException e) {
            http.close();
            throw e;
        }
        return new TargetServer(http, https, hostForUrl(httpAddress.getAddress()), httpAddress.getAddress(),
                routes, tls);
    }

    /** Starts on 127.0.0.1 with free ports. */
    public static TargetServer startOnLoopback() throws IOException {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    private static String hostForUrl(InetAddress address) {
        if (address == null || address.isAnyLocalAddress()) {
            return "127.0.0.1";
        }
        String ip = address.getHostAddress();
        return ip.contains(":") ? "[" + ip + "]" : ip;
    }

    /** For example {@code http://127.0.0.1:41234}, without a trailing slash. */
    public String baseUrl() {
        return "http://" + host + ":" + http.port();
    }

    /** For example {@code https://127.0.0.1:41235}, without a trailing slash. */
    public String httpsBaseUrl() {
        return "https://" + host + ":" + https.port();
    }

    /**
     * The HTTP/2-over-TLS port (ALPN offers h2 and http/1.1), for example
     * {@code https://127.0.0.1:41236}; same routes and certificate as {@link #httpsBaseUrl()}.
     * Jetty starts on the first call, which waits for the certificate.
     */
    public String h2BaseUrl() {
        return "https://" + host + ":" + h2().port();
    }

    private H2Listener h2() {
        h2Lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the target server is closed");
            }
            if (h2 == null) {
                InetAddress bind = bindAddress == null || bindAddress.isAnyLocalAddress()
                        ? InetAddress.getLoopbackAddress() : bindAddress;
                h2 = new H2Listener(new InetSocketAddress(bind, 0), routes, tls.join());
            }
            return h2;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTP/2 listener", e);
        } finally {
            h2Lock.unlock();
        }
    }

    /**
     * The WebSocket port, for example {@code ws://127.0.0.1:41237}, serving {@code /ws/echo} (see
     * {@link WsListener}). Jetty starts on the first call.
     */
    public String wsBaseUrl() {
        h2Lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the target server is closed");
            }
            if (ws == null) {
                InetAddress bind = bindAddress == null || bindAddress.isAnyLocalAddress()
                        ? InetAddress.getLoopbackAddress() : bindAddress;
                ws = new WsListener(new InetSocketAddress(bind, 0));
            }
            return "ws://" + host + ":" + ws.port();
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the WebSocket listener", e);
        } finally {
            h2Lock.unlock();
        }
    }

    public int port() {
        return http.port();
    }

    public int httpsPort() {
        return https.port();
    }

    @Override
    public void close() {
        http.close();
        https.close();
        h2Lock.lock();
        try {
            closed = true;
            if (h2 != null) {
                h2.close();
            }
            if (ws != null) {
                ws.close();
            }
        } finally {
            h2Lock.unlock();
        }
    }

    /**
     * Runs the server until the process is stopped. Arguments: {@code [port [httpsPort [host]]]};
     * defaults 8080, 8443, 127.0.0.1.
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        int httpsPort = args.length > 1 ? Integer.parseInt(args[1]) : 8443;
        InetAddress bind = InetAddress.getByName(args.length > 2 ? args[2] : "127.0.0.1");
        TargetServer server = start(new InetSocketAddress(bind, port), new InetSocketAddress(bind, httpsPort));
        System.out.println("weft target listening on " + server.baseUrl() + " and " + server.httpsBaseUrl());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        Thread.currentThread().join();
    }
}
