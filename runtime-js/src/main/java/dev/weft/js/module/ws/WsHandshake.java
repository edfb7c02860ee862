package dev.weft.js.module.ws;

import java.util.Map;

/**
 * How a handshake ended: a connection, or an error with the HTTP status when the server answered
 * with something other than 101. The JDK client does not expose a successful handshake's
 * response headers, so {@code headers} then only holds Sec-WebSocket-Protocol when one was chosen.
 *
 * @param connection   the open connection, or null when the handshake failed
 * @param status       101 on success, the server's status on a refused upgrade, 0 when none came
 * @param subprotocol  the accepted subprotocol, "" when none
 * @param error        why the handshake failed, null on success
 * @param connectNanos how long the handshake took
 */
public record WsHandshake(WsConnection connection, int status, Map<String, String> headers, String body,
        String subprotocol, String error, long connectNanos) {
    public boolean ok() {
        return connection != null;
    }
}
