package dev.weft.target;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One parsed request as the server saw it. Built by {@link RequestReader} on the connection's
 * virtual thread and handed to the routes on that same thread; immutable.
 *
 * @param path     the raw path, without the query
 * @param rawQuery the raw query string without '?', or "" when there is none
 * @param headers  the header lines in arrival order, names as sent
 * @param connectionId which accepted connection carried it (counts from 1 per listener), so
 *                 clients can check keep-alive reuse through {@code /connection-id}
 */
record TargetRequest(String method, String path, String rawQuery, String version,
                     List<Map.Entry<String, String>> headers, byte[] body, boolean tls,
                     String remoteAddress, long connectionId) {

    /** The first value of a header (names compare case-insensitively), or null. */
    String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /** The query's key/value pairs in order, percent-decoded. */
    List<Map.Entry<String, String>> queryParams() {
        return FormData.parseUrlEncoded(rawQuery);
    }

    /** The first query value for a key, or null. */
    String queryParam(String key) {
        for (Map.Entry<String, String> e : queryParams()) {
            if (e.getKey().equals(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The absolute URL the client asked for, rebuilt from the Host header. */
    String url() {
        String host = header("Host");
        String target = rawQuery.isEmpty() ? path : path + "?" + rawQuery;
        return (tls ? "https://" : "http://") + (host == null ? "localhost" : host) + target;
    }

    /** The path split on '/', each segment percent-decoded; the leading empty segment dropped. */
    List<String> pathSegments() {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    boolean keepAlive() {
        String connection = header("Connection");
        if (connection != null && connection.toLowerCase(java.util.Locale.ROOT).contains("close")) {
            return false;
        }
        if ("HTTP/1.0".equals(version)) {
            return connection != null && connection.equalsIgnoreCase("keep-alive");
        }
        return true;
    }
}
