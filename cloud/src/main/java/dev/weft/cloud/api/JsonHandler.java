package dev.weft.cloud.api;

import com.google.gson.JsonParseException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.weft.cloud.http.ApiException;
import dev.weft.cloud.http.Responses;
import java.io.IOException;
import java.sql.SQLException;
import org.tinylog.Logger;

/**
 * Base of the API handlers added for k6 v1 ({@code /v2}, {@code /api}, bare {@code /v1}): every
 * failure leaves as a JSON error in k6's shape, never HTML and never a redirect. Subclasses
 * route; called on the server's virtual request threads.
 */
abstract class JsonHandler implements HttpHandler {

    /** Serves the request or throws; whatever it throws becomes a JSON error. */
    abstract void route(HttpExchange exchange, String path, String method) throws Exception;

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange, exchange.getRequestURI().getPath(), exchange.getRequestMethod());
        } catch (ApiException e) {
            Responses.error(exchange, e);
        } catch (JsonParseException e) {
            Responses.error(exchange, new ApiException(400, "malformed JSON: " + e.getMessage()));
        } catch (IOException e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            Logger.error(e, "request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI());
            Responses.error(exchange, new ApiException(500, "internal error; see the service log"));
        } catch (Exception e) {
            Logger.error(e, "request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI());
            Responses.error(exchange, new ApiException(500, "internal error; see the service log"));
        } catch (OutOfMemoryError e) {
            // The JDK server leaves the connection open on an Error, so the client would wait
            // forever; a 503 makes k6 retry the batch later instead.
            Logger.error("request {} {}: out of memory; answered 503", exchange.getRequestMethod(),
                    exchange.getRequestURI());
            Responses.error(exchange, new ApiException(503, "the service is out of memory; retry later"));
        }
    }

    static ApiException notFound(String method, String path) {
        return new ApiException(404, "no such API endpoint: " + method + " " + path);
    }

    static void require(String method, String allowed) throws ApiException {
        if (!method.equals(allowed)) {
            throw new ApiException(405, "use " + allowed);
        }
    }

    static long runId(String text) throws ApiException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ApiException(404, "unknown test run '" + text + "'");
        }
    }
}
