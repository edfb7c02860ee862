package dev.weft.target;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The target's plain WebSocket port (Jetty's servlet-free WebSocket server), serving
 * {@code /ws/echo}: text and binary messages come back unchanged, pings are answered with pongs,
 * and the text message {@code close} makes the server close the session (1000, "bye"). The first
 * subprotocol a client offers is accepted. Started by {@link TargetServer} on first use (from any
 * thread); sessions run on Jetty's pool threads; {@link #close()} stops Jetty.
 */
final class WsListener implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    WsListener(InetSocketAddress address) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(32, 2);
        pool.setName("target-ws");
        pool.setDaemon(true);
        server = new Server(pool);
        connector = new ServerConnector(server);
        connector.setHost(address.getAddress().getHostAddress());
        connector.setPort(address.getPort());
        server.addConnector(connector);
        ContextHandler context = new ContextHandler("/");
        context.setHandler(WebSocketUpgradeHandler.from(server, context, container -> {
            container.setIdleTimeout(Duration.ofMinutes(5));
            container.addMapping("/ws/echo", (request, response, callback) -> {
                if (!request.getSubProtocols().isEmpty()) {
                    response.setAcceptedSubProtocol(request.getSubProtocols().getFirst());
                }
                return new WsEchoSession();
            });
        }));
        server.setHandler(context);
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
}
