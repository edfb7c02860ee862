package dev.weft.js.module.websockets;

import dev.weft.js.module.HostObject;
import dev.weft.js.module.JsValues;
import dev.weft.js.module.VuScope;
import dev.weft.js.module.timers.EventLoop;
import dev.weft.js.module.ws.WsClient;
import dev.weft.js.module.ws.WsConnection;
import dev.weft.js.module.ws.WsEvent;
import dev.weft.js.module.ws.WsHandshake;
import dev.weft.js.module.ws.WsMetrics;
import dev.weft.js.module.ws.WsRequest;
import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Metric;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * One browser-like WebSocket of {@code k6/experimental/websockets}. The handshake and the
 * connection's events arrive on the JDK's threads and are handed to the VU's thread through its
 * {@link EventLoop}: the socket always holds one reservation in the loop while it is not closed,
 * so the iteration lasts until the socket closes (as in k6). Everything else runs on the VU's
 * thread, where {@code fire} calls the JS listeners.
 *
 * <p>readyState: CONNECTING(0) -handshake ok-> OPEN(1) -close()-> CLOSING(2) -server close or
 * failure-> CLOSED(3); CONNECTING -handshake failed-> CLOSED.
 */
final class BrowserSocket {
    private static final int CONNECTING = 0;
    private static final int OPEN = 1;
    private static final int CLOSING = 2;
    private static final int CLOSED = 3;

    private final VuScope vu;
    private final EventLoop loop;
    private final Value fire;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Object> arrived = new ArrayDeque<>();
    private final List<WsEvent> early = new ArrayList<>();
    private final Map<String, Long> pings = new HashMap<>();
    private EventLoop.Pending pending;
    private boolean ended;
    private int readyState = CONNECTING;
    private WsConnection connection;
    private Tags tags;
    private long startNanos;
    private int pingCounter;
    private int closeCode;

    BrowserSocket(VuScope vu, EventLoop loop, Value fire) {
        this.vu = vu;
        this.loop = loop;
        this.fire = fire;
    }

    /** Starts the handshake; returns the host object websockets.js wraps. */
    ProxyObject start(WsClient client, String url, Value protocols, Value headers, Value extraTags) {
        List<String> offered = new ArrayList<>();
        if (protocols != null && protocols.hasArrayElements()) {
            for (long i = 0; i < protocols.getArraySize(); i++) {
                offered.add(protocols.getArrayElement(i).asString());
            }
        }
        tags = vu.sampleTags().merge(new Tags(JsValues.stringMap(extraTags))).with("url", url).with("name", url);
        startNanos = System.nanoTime();
        pending = loop.reserve();
        WsRequest request = new WsRequest(URI.create(url),
                WsRequest.withUserAgent(JsValues.stringMap(headers), vu), offered, Duration.ofSeconds(60),
                vu.services().options().bool("insecureSkipTLSVerify"));
        client.connectAsync(request, this::handOff).thenAccept(this::handOff);
        return new HostObject()
                .fn("readyState", args -> readyState)
                .fn("protocol", args -> connection == null ? "" : connection.subprotocol())
                .fn("send", args -> {
                    requireOpen();
                    connection.sendText(args[0].asString());
                    push(WsMetrics.WS_MSGS_SENT, 1);
                    return null;
                })
                .fn("sendBinary", args -> {
                    requireOpen();
                    byte[] bytes = new byte[(int) args[0].getBufferSize()];
                    args[0].readBuffer(0, bytes, 0, bytes.length);
                    connection.sendBinary(bytes);
                    push(WsMetrics.WS_MSGS_SENT, 1);
                    return null;
                })
                .fn("ping", args -> {
                    requireOpen();
                    String id = Integer.toString(pingCounter++);
                    pings.put(id, System.nanoTime());
                    connection.ping(id);
                    return null;
                })
                .fn("close", args -> {
                    close(args[0].isNull() ? 0 : args[0].asInt(), args[1].isNull() ? "" : args[1].asString());
                    return null;
                })
                .build();
    }

    boolean ended() {
        lock.lock();
        try {
            return ended;
        } finally {
            lock.unlock();
        }
    }

    private void requireOpen() {
        if (readyState != OPEN) {
            throw new IllegalStateException("InvalidStateError");
        }
    }

    private void close(int code, String reason) {
        if (readyState == CLOSED || readyState == CLOSING) {
            return;
        }
        if (code != 0 && code != 1000 && (code < 3000 || code > 4999)) {
            throw new IllegalArgumentException("InvalidAccessError: Failed to execute 'close' on 'WebSocket': The close"
                    + " code must be either 1000, or between 3000 and 4999. " + code + " is neither");
        }
        if (reason.getBytes(StandardCharsets.UTF_8).length > 123) {
            throw new IllegalArgumentException("SyntaxError: Failed to execute 'close' on 'WebSocket': The message must"
                    + " not be greater than 123 bytes");
        }
        closeCode = code == 0 ? 1000 : code;
        if (readyState == CONNECTING) {
            readyState = CLOSING; // closed as soon as the handshake ends
            return;
        }
        readyState = CLOSING;
        connection.close(closeCode, reason);
    }

    /** Any thread: queues an event or the handshake's end and wakes the VU's loop. */
    private void handOff(Object item) {
        EventLoop.Pending p;
        lock.lock();
        try {
            if (ended) {
                return;
            }
            arrived.add(item);
            p = pending;
            pending = null;
        } finally {
            lock.unlock();
        }
        if (p != null) {
            p.complete(this::drain);
        }
    }

    /** VU thread: takes a new reservation, then handles what arrived. */
    private void drain() {
        List<Object> batch;
        lock.lock();
        try {
            if (ended) {
                return;
            }
            batch = new ArrayList<>(arrived);
            arrived.clear();
            pending = loop.reserve();
        } finally {
            lock.unlock();
        }
        for (Object item : batch) {
            if (readyState == CLOSED) {
                break;
            }
            if (item instanceof WsHandshake h) {
                opened(h);
            } else if (readyState == CONNECTING) {
                early.add((WsEvent) item);
            } else {
                handle((WsEvent) item);
            }
        }
    }

    private void opened(WsHandshake h) {
        if (h.status() != 0) {
            tags = tags.with("status", Integer.toString(h.status()));
        }
        if (h.ok()) {
            tags = tags.with("subproto", h.subprotocol());
        }
        push(WsMetrics.WS_SESSIONS, 1);
        push(WsMetrics.WS_CONNECTING, h.connectNanos() / 1e6);
        if (!h.ok()) {
            if (h.failedSent() + h.failedReceived() > 0) {
                push(BuiltinMetrics.DATA_SENT, h.failedSent());
                push(BuiltinMetrics.DATA_RECEIVED, h.failedReceived());
            }
            end();
            fire.execute("error", h.error());
            fire.execute("close", 1006, "");
            return;
        }
        connection = h.connection();
        if (readyState == CLOSING) {
            connection.close(closeCode, "");
        } else {
            readyState = OPEN;
            fire.execute("open");
        }
        for (WsEvent e : early) {
            if (readyState != CLOSED) {
                handle(e);
            }
        }
        early.clear();
    }

    private void handle(WsEvent event) {
        switch (event) {
            case WsEvent.Text t -> message(t.data());
            case WsEvent.Binary b -> message(ByteBuffer.wrap(b.data()));
            case WsEvent.Ping p -> fire.execute("ping");
            case WsEvent.Pong p -> {
                Long sent = pings.remove(p.payload());
                if (sent != null) {
                    push(WsMetrics.WS_PING, (System.nanoTime() - sent) / 1e6);
                }
                fire.execute("pong");
            }
            case WsEvent.Closed c -> {
                int code = closeCode != 0 ? closeCode : c.code();
                end();
                if (code != 1000) {
                    fire.execute("error", "websocket: close " + code + " " + c.reason());
                }
                fire.execute("close", code, c.reason());
            }
            case WsEvent.Failed f -> {
                end();
                fire.execute("error", f.message());
                fire.execute("close", 1006, "");
            }
        }
    }

    private void message(Object data) {
        if (readyState != OPEN) {
            return;
        }
        push(WsMetrics.WS_MSGS_RECEIVED, 1);
        fire.execute("message", data);
    }

    /** VU thread: the socket is CLOSED; gives back the loop reservation and pushes end samples. */
    private void end() {
        EventLoop.Pending p;
        lock.lock();
        try {
            if (ended) {
                return;
            }
            ended = true;
            p = pending;
            pending = null;
        } finally {
            lock.unlock();
        }
        readyState = CLOSED;
        if (p != null) {
            p.complete(() -> { });
        }
        sessionSamples();
    }

    /** VU thread, at the end of an iteration: drops a socket the iteration left open. */
    void drop() {
        lock.lock();
        try {
            if (ended) {
                return;
            }
            ended = true;
            pending = null; // the loop was reset, so this reservation is gone already
        } finally {
            lock.unlock();
        }
        readyState = CLOSED;
        if (connection != null) {
            connection.abort();
            sessionSamples();
        }
    }

    private void sessionSamples() {
        if (connection == null) {
            return;
        }
        push(WsMetrics.WS_SESSION_DURATION, (System.nanoTime() - startNanos) / 1e6);
        push(BuiltinMetrics.DATA_SENT, connection.sentBytes());
        push(BuiltinMetrics.DATA_RECEIVED, connection.receivedBytes());
    }

    private void push(Metric metric, double value) {
        vu.services().sink().push(new Sample(metric, tags, vu.services().clock().millis(), value));
    }
}
