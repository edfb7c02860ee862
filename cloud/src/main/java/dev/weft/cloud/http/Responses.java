package dev.weft.cloud.http;

import com.sun.net.httpserver.HttpExchange;
import dev.weft.cloud.wire.ApiError;
import dev.weft.cloud.wire.WireJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes answers to an exchange; called on request threads. */
public final class Responses {
    /**
     * The pages load only the service's own scripts, styles and images, may not be framed
     * (clickjacking) and post forms only to the service. Chart.js sets canvas sizes through
     * style attributes, hence inline styles.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private Responses() {
    }

    /** The headers every answer carries, whatever its type. */
    static void protect(HttpExchange exchange) {
        var h = exchange.getResponseHeaders();
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        h.set("Referrer-Policy", "same-origin");
    }

    public static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", WireJson.GSON.toJson(body));
    }

    public static void error(HttpExchange exchange, ApiException e) throws IOException {
        if (e.status() == 503) {
            exchange.getResponseHeaders().set("Retry-After", "5");
        }
        json(exchange, e.status(), ApiError.of(e.code(), e.getMessage(), e.fieldErrors()));
    }

    public static void html(HttpExchange exchange, int status, String html) throws IOException {
        send(exchange, status, "text/html; charset=utf-8", html);
    }

    public static void redirect(HttpExchange exchange, String location) throws IOException {
        protect(exchange);
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(303, -1);
        exchange.close();
    }

    public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        protect(exchange);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }
}
