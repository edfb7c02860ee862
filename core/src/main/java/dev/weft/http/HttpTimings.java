package dev.weft.http;

/**
 * k6's timing phases of one request/response round trip, in milliseconds, as
 * {@code response.timings} shows them and the {@code http_req_*} trends record them.
 * {@code duration} is always {@code sending + waiting + receiving}; {@code blocked} includes the
 * DNS lookup, connecting and TLS handshake time of a new connection, as in k6. Immutable.
 */
public record HttpTimings(double blocked, double connecting, double tlsHandshaking, double sending,
                          double waiting, double receiving, double duration) {
    public static final HttpTimings ZERO = new HttpTimings(0, 0, 0, 0, 0, 0, 0);
}
