package dev.weft.http;

/**
 * k6's numeric error codes (k6 docs, "Error codes") for {@code response.error_code} and the
 * {@code error_code} tag. Ranges: 1000-1099 general, 1100-1199 DNS, 1200-1299 TCP, 1300-1399 TLS,
 * 1400-1599 HTTP status (1000 + status), 1600-1699 HTTP/2, 1700-1799 content.
 */
public final class HttpErrorCodes {
    private HttpErrorCodes() {
    }

    public static final int GENERIC = 1000;
    public static final int NON_TCP_NETWORK = 1010;
    public static final int INVALID_URL = 1020;
    public static final int REQUEST_TIMEOUT = 1050;
    public static final int DNS_GENERIC = 1100;
    public static final int DNS_NO_SUCH_HOST = 1101;
    public static final int BLACKLISTED_IP = 1110;
    public static final int BLOCKED_HOSTNAME = 1111;
    public static final int TCP_GENERIC = 1200;
    public static final int TCP_BROKEN_PIPE = 1201;
    public static final int TCP_UNKNOWN_ERRNO = 1202;
    public static final int TCP_DIAL = 1210;
    public static final int TCP_DIAL_TIMEOUT = 1211;
    public static final int TCP_DIAL_REFUSED = 1212;
    public static final int TCP_DIAL_UNKNOWN_ERRNO = 1213;
    public static final int TCP_RESET_BY_PEER = 1220;
    public static final int TLS_GENERIC = 1300;
    public static final int TLS_HEADER = 1301;
    public static final int X509_UNKNOWN_AUTHORITY = 1310;
    public static final int X509_HOSTNAME = 1311;
    public static final int HTTP2_GENERIC = 1600;
    public static final int RESPONSE_DECOMPRESSION = 1701;

    /** k6's code for an HTTP error status: 1000 + status for 4xx and 5xx, else 0. */
    public static int forStatus(int status) {
        return status >= 400 && status <= 599 ? 1000 + status : 0;
    }
}
