package dev.weft.js.module.ws;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A WebSocket handshake to make, already converted from script arguments.
 *
 * @param url          ws:// or wss:// address
 * @param headers      extra handshake headers (those the JDK manages itself are skipped)
 * @param subprotocols offered subprotocols, in preference order
 * @param timeout      how long the handshake may take
 */
public record WsRequest(URI url, Map<String, String> headers, List<String> subprotocols, Duration timeout) {
    public WsRequest {
        headers = Map.copyOf(headers);
        subprotocols = List.copyOf(subprotocols);
    }
}
