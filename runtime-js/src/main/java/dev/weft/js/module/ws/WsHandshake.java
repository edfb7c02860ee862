package dev.weft.js.module.ws;

import java.util.Map;

/**
 * How a handshake ended: a connection, or an error with the HTTP status when the server answered
 * with something other than 101; {@code headers} are the response's, in Go's canonical form.
 *
 * @param connection   the open connection, or null when the handshake failed
 * @param status       101 on success, the server's status on a refused upgrade, 0 when none came
 * @param subprotocol  the accepted subprotocol, "" when none
 * @param error        why the handshake failed, null on success
 * @param connectNanos how long the handshake took
 * @param failedSent   bytes a failed handshake wrote (0 on success: the connection counts them)
 * @param failedReceived bytes a failed handshake read (0 on success)
 */
public record WsHandshake(WsConnection connection, int status, Map<String, String> headers, String body,
        String subprotocol, String error, long connectNanos, long failedSent, long failedReceived) {
    public boolean ok() {
        return connection != null;
    }

    /** A handshake that never started: the URL could not be used. */
    public static WsHandshake invalid(String error) {
        return new WsHandshake(null, 0, Map.of(), "", "", error, 0, 0, 0);
    }
}
