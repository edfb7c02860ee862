package dev.weft.js.module.ws;

/**
 * What happened on a WebSocket connection, made on the JDK client's threads and handled on the
 * VU's thread, in arrival order.
 */
public sealed interface WsEvent {
    /** A whole text message. */
    record Text(String data) implements WsEvent {
    }

    /** A whole binary message. */
    record Binary(byte[] data) implements WsEvent {
    }

    /** The server pinged; the client has answered (or will answer) with a pong. */
    record Ping() implements WsEvent {
    }

    /** A pong, whose payload is the id of the ping it answers. */
    record Pong(String payload) implements WsEvent {
    }

    /** The server closed the connection (its close frame arrived). */
    record Closed(int code, String reason) implements WsEvent {
    }

    /** The connection failed (a read or write error); no more events follow. */
    record Failed(String message) implements WsEvent {
    }
}
