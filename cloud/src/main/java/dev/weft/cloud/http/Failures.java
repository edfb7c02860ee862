package dev.weft.cloud.http;

import com.sun.net.httpserver.HttpExchange;
import dev.weft.cloud.store.StorageFaults;
import java.io.IOException;
import org.tinylog.Logger;

/**
 * Answers a request that failed inside the service: a storage fault (disk full, read-only or
 * unreachable database) is a {@code 503} with {@code Retry-After} and a message saying nothing
 * was stored, so runners keep the batch and send it again; anything else is a {@code 500}.
 * Called from the routes' catch blocks on request threads. Stateless.
 */
public final class Failures {
    private Failures() {
    }

    public static void answer(HttpExchange exchange, Exception e) throws IOException {
        String storage = StorageFaults.describe(e);
        if (storage != null) {
            Logger.warn("request {} {} refused: {} ({})", exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    storage, e.getMessage());
            Responses.error(exchange, new ApiException(503, "storage unavailable: " + storage
                    + "; nothing of this request was stored, send it again later"));
            return;
        }
        Logger.error(e, "request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI());
        Responses.error(exchange, new ApiException(500, "internal error; see the service log"));
    }
}
