package dev.weft.js.module.ws;

import com.google.gson.Gson;
import dev.weft.js.module.HostObject;
import dev.weft.js.module.VuScope;
import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Metric;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * One {@code k6/ws} connection, run on the VU's thread: the handshake, then (from {@code run()})
 * k6's control loop, which hands the socket's events and the socket's own timers to the script's
 * handlers one at a time until the socket closes, fails, or the iteration is interrupted. The
 * JDK's threads only add to {@link #inbox}. Pushes ws_sessions and ws_connecting at the handshake,
 * ws_msgs_sent/received and ws_ping as they happen, and ws_session_duration, data_sent and
 * data_received at the end, tagged as k6 does (url, status, subproto, group, scenario, ...).
 */
final class WsSession {
    private static final Gson GSON = new Gson();
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(60);

    private final VuScope vu;
    private final Value dispatch;
    private final LinkedBlockingQueue<WsEvent> inbox = new LinkedBlockingQueue<>();
    private final PriorityQueue<Scheduled> timers = new PriorityQueue<>();
    private final Map<String, Long> pings = new HashMap<>();
    private final long startNanos = System.nanoTime();
    private final long startMillis;
    private WsConnection connection;
    private WsHandshake handshake;
    private Tags tags;
    private int pingCounter;
    private long timerSeq;
    private boolean done;
    private boolean finished;

    private WsSession(VuScope vu, Value dispatch) {
        this.vu = vu;
        this.dispatch = dispatch;
        this.startMillis = vu.services().clock().millis();
    }

    /** Makes the handshake (blocking) and returns the session's host object for ws.js. */
    static ProxyObject open(VuScope vu, WsClient client, String url, Map<String, String> headers,
            Map<String, String> extraTags, Value dispatch) {
        WsSession s = new WsSession(vu, dispatch);
        headers = WsRequest.withUserAgent(headers, vu);
        List<String> protocols = new ArrayList<>();
        headers.forEach((k, v) -> {
            if (k.equalsIgnoreCase("Sec-WebSocket-Protocol")) {
                for (String p : v.split(",")) {
                    if (!p.isBlank()) {
                        protocols.add(p.strip());
                    }
                }
            }
        });
        WsHandshake h;
        try {
            h = client.connect(new WsRequest(URI.create(url), headers, protocols, HANDSHAKE_TIMEOUT,
                    vu.services().options().bool("insecureSkipTLSVerify")), s.inbox::add);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ws.connect interrupted: the iteration was stopped");
        } catch (IllegalArgumentException e) {
            h = WsHandshake.invalid("invalid url: " + e.getMessage());
        }
        s.tags = vu.sampleTags().merge(new Tags(extraTags)).with("url", url);
        if (h.status() != 0) {
            s.tags = s.tags.with("status", Integer.toString(h.status()));
        }
        if (h.ok()) {
            s.tags = s.tags.with("subproto", h.subprotocol());
        }
        s.connection = h.connection();
        s.handshake = h;
        s.push(WsMetrics.WS_SESSIONS, 1);
        s.push(WsMetrics.WS_CONNECTING, h.connectNanos() / 1e6);
        if (!h.ok()) {
            s.finish();
        }
        Map<String, Object> response = new HashMap<>();
        response.put("status", h.status());
        response.put("url", url);
        response.put("headers", h.headers());
        response.put("body", h.body());
        response.put("error", h.error() == null ? "" : h.error());
        return new HostObject()
                .value("ok", h.ok())
                .value("response", GSON.toJson(response))
                .fn("send", args -> {
                    s.sendText(args[0].asString());
                    return null;
                })
                .fn("sendBinary", args -> {
                    s.sendBinary(args[0]);
                    return null;
                })
                .fn("ping", args -> {
                    s.ping();
                    return null;
                })
                .fn("close", args -> {
                    s.close(args[0].asInt());
                    return null;
                })
                .fn("schedule", args -> {
                    s.schedule(args[0], args[1].asDouble(), args[2].asBoolean());
                    return null;
                })
                .fn("run", args -> {
                    s.run();
                    return null;
                })
                .fn("abort", args -> {
                    s.abort();
                    s.finish();
                    return null;
                })
                .build();
    }

    private void sendText(String text) {
        if (done) {
            return;
        }
        connection.sendText(text);
        push(WsMetrics.WS_MSGS_SENT, 1);
    }

    private void sendBinary(Value buffer) {
        if (done) {
            return;
        }
        byte[] bytes = new byte[(int) buffer.getBufferSize()];
        buffer.readBuffer(0, bytes, 0, bytes.length);
        connection.sendBinary(bytes);
        push(WsMetrics.WS_MSGS_SENT, 1);
    }

    private void ping() {
        if (done) {
            return;
        }
        String id = Integer.toString(pingCounter++);
        pings.put(id, System.nanoTime());
        connection.ping(id);
    }

    /**
     * k6: send the close frame, call the close handlers with the code, and end the loop; the
     * connection is dropped at once, without reading the server's close (k6/ws does not wait).
     */
    private void close(int code) {
        if (done) {
            return;
        }
        done = true;
        connection.closeNow(code);
        dispatch.execute("close", code);
    }

    private void schedule(Value fn, double ms, boolean repeat) {
        if (!(ms > 0)) {
            throw new IllegalArgumentException((repeat ? "setInterval" : "setTimeout")
                    + " requires a >0 timeout parameter, received " + String.format("%.2f", ms));
        }
        long delay = (long) (ms * 1e6);
        timers.add(new Scheduled(System.nanoTime() + delay, timerSeq++, repeat ? delay : 0, fn));
    }

    /** The control loop: 'open', then events and timers until the socket closes. */
    private void run() {
        try {
            dispatch.execute("open");
            while (!done) {
                Scheduled due = timers.peek();
                long wait = due == null ? Long.MAX_VALUE : due.at - System.nanoTime();
                if (wait <= 0) {
                    timers.poll();
                    if (due.every > 0) {
                        timers.add(new Scheduled(System.nanoTime() + due.every, timerSeq++, due.every, due.fn));
                    }
                    due.fn.execute();
                    continue;
                }
                WsEvent event = inbox.poll(wait, TimeUnit.NANOSECONDS);
                if (event != null) {
                    handle(event);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new IllegalStateException("ws.connect interrupted: the iteration was stopped");
        } catch (RuntimeException e) {
            abort();
            throw e;
        } finally {
            finish();
        }
    }

    private void handle(WsEvent event) {
        switch (event) {
            case WsEvent.Text t -> {
                push(WsMetrics.WS_MSGS_RECEIVED, 1);
                dispatch.execute("message", t.data());
            }
            case WsEvent.Binary b -> {
                push(WsMetrics.WS_MSGS_RECEIVED, 1);
                dispatch.execute("binaryMessage", ByteBuffer.wrap(b.data()));
            }
            case WsEvent.Ping p -> dispatch.execute("ping");
            case WsEvent.Pong p -> {
                Long sent = pings.remove(p.payload());
                if (sent != null) {
                    push(WsMetrics.WS_PING, (System.nanoTime() - sent) / 1e6);
                }
                dispatch.execute("pong");
            }
            case WsEvent.Closed c -> {
                done = true;
                dispatch.execute("close", c.code());
            }
            case WsEvent.Failed f -> {
                done = true;
                dispatch.execute("error", f.message());
                dispatch.execute("close", 1006);
            }
        }
    }

    private void abort() {
        done = true;
        if (connection != null) {
            connection.abort();
        }
    }

    /** Pushes the end-of-session samples once. */
    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        push(WsMetrics.WS_SESSION_DURATION, (System.nanoTime() - startNanos) / 1e6);
        if (connection != null) {
            push(BuiltinMetrics.DATA_SENT, connection.sentBytes());
            push(BuiltinMetrics.DATA_RECEIVED, connection.receivedBytes());
        } else if (handshake != null && handshake.failedSent() + handshake.failedReceived() > 0) {
            push(BuiltinMetrics.DATA_SENT, handshake.failedSent());
            push(BuiltinMetrics.DATA_RECEIVED, handshake.failedReceived());
        }
    }

    private void push(Metric metric, double value) {
        long at = metric == WsMetrics.WS_SESSIONS || metric == WsMetrics.WS_CONNECTING ? startMillis
                : vu.services().clock().millis();
        vu.services().sink().push(new Sample(metric, tags, at, value));
    }

    /** A socket timer: due time, order of scheduling, repeat period (0: once), the JS function. */
    private record Scheduled(long at, long seq, long every, Value fn) implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled o) {
            int c = Long.compare(at - o.at, 0);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
