/** {@code k6/experimental/websockets}: the browser-like WebSocket API on the VU's event loop. */
package dev.weft.js.module.websockets;
