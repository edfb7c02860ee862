package dev.weft.target;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The target's HTTP/2-over-TLS port: Jetty picks h2 or http/1.1 by ALPN and hands each request to
 * the same {@link Routes} as the JDK-socket listeners. Jetty is here only because the JDK has no
 * HTTP/2 server. Started by {@link TargetServer} on first use (from any thread), requests run on
 * Jetty's pool threads; {@link #close()} stops Jetty.
 *
 * <p>Framing choices of a route (chunked, close-delimited) mean nothing in HTTP/2: bodies are
 * sent whole with their length.
 */
final class H2Listener implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    H2Listener(InetSocketAddress address, Routes routes, SSLContext tls) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(32, 2);
        pool.setName("target-h2");
        pool.setDaemon(true);
        server = new Server(pool);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        // the certificate names localhost and 127.0.0.1; clients may come by any name (hosts overrides)
        config.addCustomizer(new SecureRequestCustomizer(false));
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setSslContext(tls);
        ssl.setSniRequired(false);
        HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(config);
        HttpConnectionFactory http11 = new HttpConnectionFactory(config);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
        alpn.setDefaultProtocol(http11.getProtocol());
        connector = new ServerConnector(server, new SslConnectionFactory(ssl, alpn.getProtocol()), alpn, h2, http11);
        connector.setHost(address.getAddress().getHostAddress());
        connector.setPort(address.getPort());
        server.addConnector(connector);
        server.setHandler(new RoutesHandler(routes));
        server.start();
    }

    int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception ignored) {
            // stopping on shutdown: nothing useful to do with a failure
        }
    }

    /** Turns a Jetty request into a {@link TargetRequest} and the route's answer into a Jetty response. */
    private static final class RoutesHandler extends Handler.Abstract {
        private final Routes routes;
        private final Map<String, Long> connectionIds = new ConcurrentHashMap<>();
        private final AtomicLong connections = new AtomicLong();

        RoutesHandler(Routes routes) {
            this.routes = routes;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            boolean hasHost = false;
            for (HttpField f : request.getHeaders()) {
                headers.add(Map.entry(f.getName(), f.getValue()));
                hasHost |= f.getName().equalsIgnoreCase("Host");
            }
            if (!hasHost && request.getHttpURI().getAuthority() != null) {
                headers.add(0, Map.entry("Host", request.getHttpURI().getAuthority())); // h2's :authority
            }
            ByteBuffer in = Content.Source.asByteBuffer(request);
            byte[] body = new byte[in.remaining()];
            in.get(body);
            String query = request.getHttpURI().getQuery();
            long id = connectionIds.computeIfAbsent(request.getConnectionMetaData().getId(),
                    k -> connections.incrementAndGet());
            TargetRequest req = new TargetRequest(request.getMethod(), request.getHttpURI().getPath(),
                    query == null ? "" : query, request.getConnectionMetaData().getProtocol(), headers, body, true,
                    Request.getRemoteAddr(request) + ":" + Request.getRemotePort(request), id);
            TargetResponse res;
            try {
                res = routes.handle(req);
            } catch (RuntimeException e) {
                res = TargetResponse.text(500, String.valueOf(e));
            }
            response.setStatus(res.status());
            response.getHeaders().put("Server", "weft-target");
            for (Map.Entry<String, String> h : res.headers()) {
                response.getHeaders().add(h.getKey(), h.getValue());
            }
            boolean bodiless = res.status() == 204 || res.status() == 304 || request.getMethod().equals("HEAD");
            if (!bodiless) {
                response.getHeaders().put("Content-Length", res.body().length);
            }
            response.write(true, bodiless ? ByteBuffer.allocate(0) : ByteBuffer.wrap(res.body()), callback);
            return true;
        }
    }
}
