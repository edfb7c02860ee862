package dev.weft.http;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The outcome of one {@link VuHttpClient#send}: the final response after redirects and auth, or
 * the network error that ended it. Network errors never throw: {@code status} is 0 and
 * {@code error}/{@code errorCode} say what happened. Immutable; made on the VU's thread.
 *
 * @param statusText     k6's {@code status_text}, e.g. "200 OK"
 * @param proto          "HTTP/1.1" (or what the server's status line said)
 * @param body           the decoded body; empty for {@link ResponseType#NONE}, bodiless statuses
 *                       and failures
 * @param url            the final URL, after redirects
 * @param tlsVersion     "tls1.3" etc., or "" for plain HTTP
 * @param tlsCipherSuite the negotiated suite, e.g. "TLS_AES_128_GCM_SHA256", or ""
 * @param error          the error text, or "" when none
 * @param errorCode      k6's {@code error_code}: 0, a network code, or 1000 + status for 4xx/5xx
 * @param timings        the final round trip's timings (k6's {@code response.timings})
 * @param roundTrips     every hop in order (redirects, digest challenge); the last is the final
 *                       request. Empty only when nothing was sent (e.g. an invalid URL).
 * @param redirectLimitReached true when the response is a redirect left unfollowed because
 *                       {@code maxRedirects} was reached; k6 returns it and logs a warning
 */
public record HttpResponse(int status, String statusText, String proto, HttpHeaders headers, byte[] body,
                           String url, String remoteIp, int remotePort, String tlsVersion,
                           String tlsCipherSuite, String error, int errorCode, HttpTimings timings,
                           List<RoundTrip> roundTrips, boolean redirectLimitReached) {

    public HttpResponse {
        roundTrips = List.copyOf(roundTrips);
    }

    /** The body decoded as UTF-8 (k6's text {@code response.body}). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The final request as sent (k6's {@code response.request}), or null when nothing was sent. */
    public RoundTrip request() {
        return roundTrips.isEmpty() ? null : roundTrips.get(roundTrips.size() - 1);
    }
}
