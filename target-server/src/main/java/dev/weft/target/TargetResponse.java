package dev.weft.target;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A response a route produced, written by {@link ResponseWriter}. Created and used on one
 * connection's virtual thread.
 *
 * @param framing how the body is delimited on the wire
 * @param chunkSize for {@link Framing#CHUNKED}: the largest chunk written
 */
record TargetResponse(int status, List<Map.Entry<String, String>> headers, byte[] body,
                      Framing framing, int chunkSize, boolean close) {

    /** How a body is delimited: Content-Length, chunked transfer coding, or closing the connection. */
    enum Framing { LENGTH, CHUNKED, CLOSE }

    static TargetResponse of(int status, String contentType, byte[] body) {
        List<Map.Entry<String, String>> h = new ArrayList<>(4);
        if (contentType != null) {
            h.add(Map.entry("Content-Type", contentType));
        }
        return new TargetResponse(status, h, body, Framing.LENGTH, 0, false);
    }

    static TargetResponse json(int status, String json) {
        return of(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    static TargetResponse json(String json) {
        return json(200, json);
    }

    static TargetResponse text(int status, String text) {
        return of(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    static TargetResponse empty(int status) {
        return of(status, null, new byte[0]);
    }

    static TargetResponse redirect(int status, String location) {
        return empty(status).withHeader("Location", location);
    }

    TargetResponse withHeader(String name, String value) {
        List<Map.Entry<String, String>> h = new ArrayList<>(headers);
        h.add(Map.entry(name, value));
        return new TargetResponse(status, h, body, framing, chunkSize, close);
    }

    TargetResponse chunked(int size) {
        return new TargetResponse(status, headers, body, Framing.CHUNKED, size, close);
    }

    TargetResponse closeDelimited() {
        return new TargetResponse(status, headers, body, Framing.CLOSE, 0, true);
    }
}
