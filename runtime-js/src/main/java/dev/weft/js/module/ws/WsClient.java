package dev.weft.js.module.ws;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Opens WebSocket connections for one test through a single JDK {@link HttpClient}, made on first
 * use. Shared by every VU of the test; thread-safe. Handshakes are started on the calling thread
 * and either awaited there ({@link #connect}) or completed asynchronously ({@link #connectAsync}).
 */
public final class WsClient {
    /** Handshake headers the JDK sets itself and refuses from callers. */
    private static final List<String> MANAGED = List.of("connection", "upgrade", "host", "content-length",
            "sec-websocket-key", "sec-websocket-version", "sec-websocket-extensions", "sec-websocket-accept",
            "sec-websocket-protocol");

    private final ReentrantLock lock = new ReentrantLock();
    private HttpClient client;

    private HttpClient client() {
        lock.lock();
        try {
            if (client == null) {
                client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            }
            return client;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts a handshake; the future always completes normally, with the connection or the error.
     * Events of the connection go to {@code events} from the JDK's threads.
     */
    public CompletableFuture<WsHandshake> connectAsync(WsRequest request, Consumer<WsEvent> events) {
        long start = System.nanoTime();
        WebSocket.Builder builder = client().newWebSocketBuilder().connectTimeout(request.timeout());
        request.headers().forEach((name, value) -> {
            if (!MANAGED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                builder.header(name, value);
            }
        });
        if (!request.subprotocols().isEmpty()) {
            List<String> more = request.subprotocols().subList(1, request.subprotocols().size());
            builder.subprotocols(request.subprotocols().getFirst(), more.toArray(String[]::new));
        }
        WsConnection.Events listener = new WsConnection.Events(events);
        CompletableFuture<WebSocket> opening;
        try {
            opening = builder.buildAsync(request.url(), listener);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(failed(e, System.nanoTime() - start));
        }
        return opening.orTimeout(request.timeout().toMillis() + 1_000, TimeUnit.MILLISECONDS).handle((ws, e) -> {
            long took = System.nanoTime() - start;
            if (e != null) {
                return failed(e, took);
            }
            WsConnection connection = new WsConnection(ws, listener);
            Map<String, String> headers = connection.subprotocol().isEmpty() ? Map.of()
                    : Map.of("Sec-Websocket-Protocol", connection.subprotocol());
            return new WsHandshake(connection, 101, headers, "", connection.subprotocol(), null, took);
        });
    }

    /** Makes the handshake, parking the calling (virtual) thread until it ends. */
    public WsHandshake connect(WsRequest request, Consumer<WsEvent> events) throws InterruptedException {
        CompletableFuture<WsHandshake> f = connectAsync(request, events);
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.thenAccept(h -> {
                if (h.ok()) {
                    h.connection().abort();
                }
            });
            throw e;
        } catch (ExecutionException | CancellationException e) {
            return failed(e, 0);
        }
    }

    private static WsHandshake failed(Throwable e, long took) {
        Throwable cause = e;
        while ((cause instanceof java.util.concurrent.CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof WebSocketHandshakeException h && h.getResponse() != null) {
            int status = h.getResponse().statusCode();
            Object body = h.getResponse().body();
            return new WsHandshake(null, status, flatten(h.getResponse().headers()),
                    body instanceof String s ? s : "", "", "websocket: bad handshake (status " + status + ")", took);
        }
        String message = cause instanceof TimeoutException || cause instanceof java.net.http.HttpTimeoutException
                ? "websocket: handshake timed out" : String.valueOf(cause.getMessage() == null
                        ? cause.getClass().getSimpleName() : cause.getMessage());
        return new WsHandshake(null, 0, Map.of(), "", "", message, took);
    }

    private static Map<String, String> flatten(HttpHeaders headers) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.map().forEach((k, v) -> out.put(canonical(k), String.join(", ", v)));
        return out;
    }

    /** Go's canonical header form (k6 scripts read res.headers["Content-Type"]). */
    private static String canonical(String name) {
        StringBuilder b = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            b.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return b.toString();
    }
}
