package dev.weft.js.module.ws;

import dev.weft.js.module.VuScope;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A WebSocket handshake to make, already converted from script arguments.
 *
 * @param url                   ws:// or wss:// address
 * @param headers               extra handshake headers (those the client writes itself are skipped)
 * @param subprotocols          offered subprotocols, in preference order
 * @param timeout               how long the connect and the handshake may take
 * @param insecureSkipTlsVerify k6's insecureSkipTLSVerify: any wss:// certificate is accepted
 */
public record WsRequest(URI url, Map<String, String> headers, List<String> subprotocols, Duration timeout,
        boolean insecureSkipTlsVerify) {
    public WsRequest {
        headers = Map.copyOf(headers);
        subprotocols = List.copyOf(subprotocols);
    }

    /**
     * The handshake headers with the test's user agent (k6's {@code userAgent} option) added
     * unless the script set one, as k6/ws and k6/experimental/websockets send it.
     */
    public static Map<String, String> withUserAgent(Map<String, String> headers, VuScope vu) {
        if (vu.services().http() == null || headers.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("User-Agent"))) {
            return headers;
        }
        String agent = vu.services().http().config().userAgent();
        if (agent == null || agent.isEmpty()) {
            return headers;
        }
        Map<String, String> out = new LinkedHashMap<>(headers);
        out.put("User-Agent", agent);
        return out;
    }
}
