package dev.weft.http;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One request as the JS module describes it, before sending. Immutable; built on a VU thread
 * from script arguments (use {@link #of} and the {@code with*} copies, or the canonical
 * constructor).
 *
 * @param method       upper-case method, e.g. "GET"
 * @param url          absolute http or https URL; user info gives credentials for auth
 * @param headers      headers to send, in order; Host, User-Agent and Content-Length are added
 *                     when absent (a Content-Length given here is replaced by the real length)
 * @param body         body bytes, or an empty array for none
 * @param timeout      for the whole request including redirects (k6 default 60 s)
 * @param maxRedirects redirects to follow (k6 default 10); at the limit the 3xx is returned
 * @param responseType what to keep of the body
 * @param compression  request body encodings to apply in order ("gzip", "deflate", "br", "zstd"); k6's
 *                     {@code compression} param
 * @param auth         k6's {@code auth} param
 * @param cookies      per-request cookies (k6's {@code cookies} param), merged with the jar's
 */
public record HttpRequest(String method, String url, HttpHeaders headers, byte[] body, Duration timeout,
                          int maxRedirects, ResponseType responseType, List<String> compression,
                          AuthMode auth, List<RequestCookie> cookies) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_REDIRECTS = 10;
    private static final byte[] NO_BODY = new byte[0];

    public HttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        headers = headers == null ? HttpHeaders.EMPTY : headers;
        body = body == null ? NO_BODY : body;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        responseType = responseType == null ? ResponseType.TEXT : responseType;
        compression = compression == null ? List.of() : List.copyOf(compression);
        auth = auth == null ? AuthMode.NONE : auth;
        cookies = cookies == null ? List.of() : List.copyOf(cookies);
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative");
        }
    }

    /** A request with k6's defaults: no headers or body, 60 s timeout, 10 redirects, text body. */
    public static HttpRequest of(String method, String url) {
        return new HttpRequest(method, url, HttpHeaders.EMPTY, NO_BODY, DEFAULT_TIMEOUT,
                DEFAULT_MAX_REDIRECTS, ResponseType.TEXT, List.of(), AuthMode.NONE, List.of());
    }

    public static HttpRequest get(String url) {
        return of("GET", url);
    }

    public HttpRequest withHeaders(HttpHeaders h) {
        return new HttpRequest(method, url, h, body, timeout, maxRedirects, responseType, compression, auth, cookies);
    }

    public HttpRequest withHeader(String name, String value) {
        return withHeaders(headers.with(name, value));
    }

    public HttpRequest withBody(byte[] b) {
        return new HttpRequest(method, url, headers, b, timeout, maxRedirects, responseType, compression, auth, cookies);
    }

    public HttpRequest withTimeout(Duration t) {
        return new HttpRequest(method, url, headers, body, t, maxRedirects, responseType, compression, auth, cookies);
    }

    public HttpRequest withMaxRedirects(int n) {
        return new HttpRequest(method, url, headers, body, timeout, n, responseType, compression, auth, cookies);
    }

    public HttpRequest withResponseType(ResponseType t) {
        return new HttpRequest(method, url, headers, body, timeout, maxRedirects, t, compression, auth, cookies);
    }

    public HttpRequest withCompression(List<String> c) {
        return new HttpRequest(method, url, headers, body, timeout, maxRedirects, responseType, c, auth, cookies);
    }

    public HttpRequest withAuth(AuthMode a) {
        return new HttpRequest(method, url, headers, body, timeout, maxRedirects, responseType, compression, a, cookies);
    }

    public HttpRequest withCookies(List<RequestCookie> c) {
        return new HttpRequest(method, url, headers, body, timeout, maxRedirects, responseType, compression, auth, c);
    }
}
