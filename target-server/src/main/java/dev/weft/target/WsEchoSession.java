package dev.weft.target;

import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One session of the target's {@code /ws/echo} WebSocket endpoint: text and binary messages are
 * sent back unchanged, and the text message {@code close} makes the server close (1000, "bye").
 * Jetty calls it on its pool threads, one event at a time. Public only because Jetty reaches
 * listener methods through method handles, which need an accessible class.
 */
public final class WsEchoSession implements Session.Listener.AutoDemanding {
    private Session session;

    WsEchoSession() {
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
    }

    @Override
    public void onWebSocketText(String message) {
        if (message.equals("close")) {
            session.close(1000, "bye", Callback.NOOP);
        } else {
            session.sendText(message, Callback.NOOP);
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload).flip();
        callback.succeed();
        session.sendBinary(copy, Callback.NOOP);
    }
}
