package dev.weft.http;

/**
 * One request sent and its response (or failure): a single hop of an {@link HttpResponse},
 * which has one per redirect followed and per auth challenge answered. k6 records metrics for
 * every hop, so {@link HttpSamples} emits samples per round trip. Immutable.
 *
 * @param url            the URL this hop requested
 * @param requestHeaders the headers as written on the wire, Host first
 * @param requestBody    the body as written (after compression); empty when none
 * @param status         the response status, or 0 when the hop failed
 * @param proto          the response's protocol, e.g. "HTTP/1.1"; "" when it failed
 * @param tlsVersion     "tls1.2", "tls1.3", ... or "" for plain HTTP
 * @param errorCode      k6's error code: 0, a network code (see {@link HttpErrorCodes}) or
 *                       1000 + status for 4xx/5xx responses
 * @param error          the error text for a failed hop, "" otherwise
 * @param bytesSent      bytes written to the socket for this hop, TLS records included
 * @param bytesReceived  bytes read from the socket for this hop, TLS records included
 * @param endTimeMillis  wall-clock time the hop finished, for sample timestamps
 * @param authChallenge  true for the 401 that a digest handshake expects; k6 counts it as expected
 */
public record RoundTrip(String method, String url, HttpHeaders requestHeaders, byte[] requestBody,
                        int status, String proto, String tlsVersion, String remoteIp, int remotePort,
                        int errorCode, String error, HttpTimings timings, long bytesSent,
                        long bytesReceived, long endTimeMillis, boolean authChallenge) {

    /** True when the hop failed at network level (no HTTP response). */
    public boolean failed() {
        return status == 0;
    }
}
