package dev.weft.cloud.api;

import com.sun.net.httpserver.HttpExchange;

/**
 * Paths that look like the API but are no endpoint ({@code /v1}, {@code /v1foo}): a JSON 404 in
 * k6's error shape instead of the web app's login redirect. Called on request threads.
 */
public final class ApiFallback extends JsonHandler {
    @Override
    void route(HttpExchange exchange, String path, String method) throws Exception {
        throw notFound(method, path);
    }
}
