package dev.weft.js.module.ws;

import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One open WebSocket connection over the JDK client. The VU's thread sends (sends are queued one
 * after another, as the JDK allows only one outstanding send); the JDK's threads deliver whole
 * messages, pings, pongs, the server's close and failures to the {@link WsEvent} consumer given at
 * connect time. Counts the frame bytes each way (payload plus frame header; the handshake is not
 * seen by the JDK API) for data_sent and data_received.
 */
public final class WsConnection {
    /** How long a close may wait for the server's close frame before the connection is dropped. */
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final WebSocket socket;
    private final Events events;
    private final ReentrantLock sendLock = new ReentrantLock();
    private final AtomicLong sentBytes = new AtomicLong();
    private final AtomicBoolean closing = new AtomicBoolean();
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

    WsConnection(WebSocket socket, Events events) {
        this.socket = socket;
        this.events = events;
    }

    public String subprotocol() {
        return socket.getSubprotocol() == null ? "" : socket.getSubprotocol();
    }

    public void sendText(String text) {
        int size = text.getBytes(StandardCharsets.UTF_8).length;
        enqueue(() -> socket.sendText(text, true), size);
    }

    public void sendBinary(byte[] data) {
        enqueue(() -> socket.sendBinary(ByteBuffer.wrap(data), true), data.length);
    }

    public void ping(String payload) {
        byte[] data = payload.getBytes(StandardCharsets.UTF_8);
        enqueue(() -> socket.sendPing(ByteBuffer.wrap(data)), data.length);
    }

    /**
     * Sends a close frame (once) after anything queued, then drops the connection when the server's
     * close arrives or after a short wait.
     */
    public void close(int code, String reason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        enqueue(() -> socket.sendClose(code, reason), 2 + reason.getBytes(StandardCharsets.UTF_8).length);
        events.closed.completeOnTimeout(null, CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)
                .whenComplete((v, e) -> {
                    socket.abort();
                    events.end(new WsEvent.Closed(code, reason)); // the server never answered
                });
    }

    /** Drops the connection without a close handshake (iteration interrupted or failed). */
    public void abort() {
        closing.set(true);
        socket.abort();
    }

    public long sentBytes() {
        return sentBytes.get();
    }

    public long receivedBytes() {
        return events.receivedBytes.get();
    }

    private void enqueue(java.util.function.Supplier<CompletableFuture<WebSocket>> send, int payload) {
        sendLock.lock();
        try {
            tail = tail.handle((v, e) -> null).thenCompose(v -> send.get()).whenComplete((ws, e) -> {
                if (e == null) {
                    sentBytes.addAndGet(frameSize(payload, true));
                } else if (!closing.get()) {
                    events.fail(e);
                }
            });
        } finally {
            sendLock.unlock();
        }
    }

    /** Bytes of a frame with this payload: header (2, 4 or 10 bytes) plus the mask key when masked. */
    static long frameSize(long payload, boolean masked) {
        long header = payload <= 125 ? 2 : payload <= 65_535 ? 4 : 10;
        return header + (masked ? 4 : 0) + payload;
    }

    /** The JDK listener: assembles messages and passes events on; runs on the JDK's threads. */
    static final class Events implements WebSocket.Listener {
        private final Consumer<WsEvent> sink;
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
        private final AtomicLong receivedBytes = new AtomicLong();
        private final AtomicBoolean ended = new AtomicBoolean();
        final CompletableFuture<Void> closed = new CompletableFuture<>();

        Events(Consumer<WsEvent> sink) {
            this.sink = sink;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            receivedBytes.addAndGet(frameSize(data.toString().getBytes(StandardCharsets.UTF_8).length, false));
            if (last) {
                String message = text.toString();
                text.setLength(0);
                sink.accept(new WsEvent.Text(message));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            receivedBytes.addAndGet(frameSize(data.remaining(), false));
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            binary.writeBytes(chunk);
            if (last) {
                byte[] message = binary.toByteArray();
                binary.reset();
                sink.accept(new WsEvent.Binary(message));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            receivedBytes.addAndGet(frameSize(message.remaining(), false));
            sink.accept(new WsEvent.Ping());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            receivedBytes.addAndGet(frameSize(message.remaining(), false));
            sink.accept(new WsEvent.Pong(StandardCharsets.UTF_8.decode(message).toString()));
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            receivedBytes.addAndGet(frameSize(2 + reason.getBytes(StandardCharsets.UTF_8).length, false));
            closed.complete(null);
            end(new WsEvent.Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(null);
            fail(error);
        }

        /** Passes on the connection's last event, unless one was passed on already. */
        void end(WsEvent last) {
            if (ended.compareAndSet(false, true)) {
                sink.accept(last);
            }
        }

        void fail(Throwable error) {
            if (ended.compareAndSet(false, true)) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                sink.accept(new WsEvent.Failed(String.valueOf(cause.getMessage() == null ? cause : cause.getMessage())));
            }
        }
    }
}
