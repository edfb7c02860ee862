/**
 * WebSocket modules: {@code k6/ws} (the classic, blocking API) and the connection engine both it
 * and {@code k6/experimental/websockets} use — RFC 6455 over a counted socket (handshake, frames
 * and TLS all count in data_sent/data_received, as k6's dialer counts them), events handed to the
 * VU's thread as {@link dev.weft.js.module.ws.WsEvent}s, and k6's {@code ws_*} metrics.
 */
package dev.weft.js.module.ws;
