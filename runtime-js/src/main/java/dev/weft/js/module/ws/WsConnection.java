package dev.weft.js.module.ws;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One open WebSocket connection over a counted socket. The VU's thread sends (frames written one
 * at a time under a lock); a reader (virtual) thread delivers whole messages, pings (answered
 * with a pong at once, as Go's client does), pongs, the server's close (answered with a close)
 * and failures to the {@link WsEvent} consumer given at connect time. The byte counts are
 * everything that crossed the socket — handshake, frames, TLS — as k6's dialer counts them for
 * data_sent and data_received.
 */
public final class WsConnection {
    /** How long a close may wait for the server's close frame before the connection is dropped. */
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String subprotocol;
    private final AtomicLong sent;
    private final AtomicLong received;
    private final Consumer<WsEvent> sink;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    WsConnection(Socket socket, InputStream in, OutputStream out, String subprotocol, AtomicLong sent,
            AtomicLong received, Consumer<WsEvent> sink) {
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.subprotocol = subprotocol;
        this.sent = sent;
        this.received = received;
        this.sink = sink;
    }

    /** Starts the reader thread; called once, after the handshake. */
    void startReading() {
        Thread.ofVirtual().name("weft-ws-reader").start(this::readLoop);
    }

    public String subprotocol() {
        return subprotocol;
    }

    public void sendText(String text) {
        send(WsFrames.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    public void sendBinary(byte[] data) {
        send(WsFrames.BINARY, data);
    }

    public void ping(String payload) {
        send(WsFrames.PING, payload.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends a close frame (once), then drops the connection when the server's close arrives or
     * after a short wait.
     */
    public void close(int code, String reason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        write(WsFrames.CLOSE, closePayload(code, reason));
        closed.completeOnTimeout(null, CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS).whenComplete((v, e) -> {
            drop();
            end(new WsEvent.Closed(code, reason)); // the server never answered
        });
    }

    /** Sends a close frame (once) and drops the connection at once, as k6/ws's socket.close() does. */
    public void closeNow(int code) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        write(WsFrames.CLOSE, closePayload(code, ""));
        drop();
    }

    /** Drops the connection without a close handshake (iteration interrupted or failed). */
    public void abort() {
        closing.set(true);
        drop();
    }

    /** Every byte written to the socket so far, handshake and TLS included. */
    public long sentBytes() {
        return sent.get();
    }

    /** Every byte read from the socket so far, handshake and TLS included. */
    public long receivedBytes() {
        return received.get();
    }

    private void send(int opcode, byte[] payload) {
        if (closing.get()) {
            return;
        }
        write(opcode, payload);
    }

    private void write(int opcode, byte[] payload) {
        writeLock.lock();
        try {
            WsFrames.write(out, opcode, payload);
        } catch (IOException e) {
            if (!closing.get()) {
                fail(e);
            }
        } finally {
            writeLock.unlock();
        }
    }

    private static byte[] closePayload(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(2 + text.length);
        b.putShort((short) code).put(text);
        return b.array();
    }

    private void readLoop() {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        int messageType = -1;
        try {
            while (true) {
                WsFrames.Frame f = WsFrames.read(in);
                switch (f.opcode()) {
                    case WsFrames.TEXT, WsFrames.BINARY, WsFrames.CONTINUATION -> {
                        if (f.opcode() != WsFrames.CONTINUATION) {
                            messageType = f.opcode();
                            message.reset();
                        }
                        message.writeBytes(f.payload());
                        if (f.fin()) {
                            byte[] whole = message.toByteArray();
                            message.reset();
                            sink.accept(messageType == WsFrames.TEXT
                                    ? new WsEvent.Text(new String(whole, StandardCharsets.UTF_8))
                                    : new WsEvent.Binary(whole));
                        }
                    }
                    case WsFrames.PING -> {
                        if (!closing.get()) {
                            write(WsFrames.PONG, f.payload());
                        }
                        sink.accept(new WsEvent.Ping());
                    }
                    case WsFrames.PONG -> sink.accept(new WsEvent.Pong(new String(f.payload(), StandardCharsets.UTF_8)));
                    case WsFrames.CLOSE -> {
                        byte[] p = f.payload();
                        int code = p.length >= 2 ? ((p[0] & 0xFF) << 8) | (p[1] & 0xFF) : 1005;
                        String reason = p.length > 2 ? new String(p, 2, p.length - 2, StandardCharsets.UTF_8) : "";
                        if (closing.compareAndSet(false, true)) {
                            write(WsFrames.CLOSE, p.length >= 2 ? closePayload(code, "") : new byte[0]);
                        }
                        closed.complete(null);
                        drop();
                        end(new WsEvent.Closed(code, reason));
                        return;
                    }
                    default -> throw new IOException("websocket: unknown opcode " + f.opcode());
                }
            }
        } catch (IOException e) {
            closed.complete(null);
            if (!closing.get()) {
                fail(e instanceof EOFException ? new IOException(
                        "websocket: close 1006 (abnormal closure): unexpected EOF") : e);
            }
            drop();
        }
    }

    private void drop() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** Passes on the connection's last event, unless one was passed on already. */
    private void end(WsEvent last) {
        if (ended.compareAndSet(false, true)) {
            sink.accept(last);
        }
    }

    private void fail(Throwable error) {
        if (ended.compareAndSet(false, true)) {
            sink.accept(new WsEvent.Failed(String.valueOf(error.getMessage() == null ? error : error.getMessage())));
        }
    }
}
