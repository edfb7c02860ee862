/**
 * WebSocket modules: {@code k6/ws} (the classic, blocking API) and the connection engine both it
 * and {@code k6/experimental/websockets} use — the JDK's {@link java.net.http.WebSocket} client,
 * one {@link java.net.http.HttpClient} per test, events handed to the VU's thread as
 * {@link dev.weft.js.module.ws.WsEvent}s, and k6's {@code ws_*} metrics.
 */
package dev.weft.js.module.ws;
