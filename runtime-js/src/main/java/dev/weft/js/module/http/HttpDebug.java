package dev.weft.js.module.http;

import dev.weft.http.HttpHeaders;
import dev.weft.http.HttpResponse;
import dev.weft.http.RoundTrip;
import dev.weft.js.module.ScriptConsole;
import dev.weft.options.TestOptions;
import java.nio.charset.StandardCharsets;

/**
 * k6's {@code --http-debug}: logs each request and response (headers; bodies too with
 * {@code full}) through the console log, as k6 does. Built once per VU; used on its thread.
 */
final class HttpDebug {
    enum Mode { OFF, HEADERS, FULL }

    private final Mode mode;

    private HttpDebug(Mode mode) {
        this.mode = mode;
    }

    static HttpDebug from(TestOptions options) {
        String v = options.get("httpDebug").filter(e -> e.isJsonPrimitive()).map(e -> e.getAsString()).orElse("");
        return new HttpDebug(switch (v) {
            case "full" -> Mode.FULL;
            case "", "false" -> Mode.OFF;
            default -> Mode.HEADERS;
        });
    }

    boolean on() {
        return mode != Mode.OFF;
    }

    /** Logs every hop of the response (redirects and auth challenges included). */
    void log(HttpResponse response, ScriptConsole console) {
        if (mode == Mode.OFF) {
            return;
        }
        for (RoundTrip hop : response.roundTrips()) {
            StringBuilder sb = new StringBuilder("Request:\n").append(hop.method()).append(' ').append(hop.url())
                    .append(' ').append(hop.proto().isEmpty() ? "HTTP/1.1" : hop.proto()).append('\n');
            headers(sb, hop.requestHeaders());
            if (mode == Mode.FULL && hop.requestBody() != null && hop.requestBody().length > 0) {
                sb.append('\n').append(new String(hop.requestBody(), StandardCharsets.UTF_8)).append('\n');
            }
            console.log("info", sb.toString());
        }
        StringBuilder sb = new StringBuilder("Response:\n");
        if (!response.error().isEmpty()) {
            sb.append("error: ").append(response.error());
        } else {
            sb.append(response.proto()).append(' ').append(response.statusText()).append('\n');
            headers(sb, response.headers());
            if (mode == Mode.FULL && response.body() != null && response.body().length > 0) {
                sb.append('\n').append(new String(response.body(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        console.log("info", sb.toString());
    }

    private static void headers(StringBuilder sb, HttpHeaders headers) {
        for (int i = 0; i < headers.size(); i++) {
            sb.append(headers.name(i)).append(": ").append(headers.value(i)).append('\n');
        }
    }
}
