package dev.weft.http;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One VU's HTTP client: sends requests over its own keep-alive connections, following redirects
 * and answering digest challenges, and returns a plain {@link HttpResponse}. Network failures
 * never throw; they come back as responses with {@code errorCode} set.
 *
 * <p>Threading: owned by one VU and called only from that VU's virtual thread, so nothing inside
 * is locked ({@link #sendAll} runs helper threads but hands connections to them and back only
 * around starting and joining them). Blocking socket calls park the virtual thread, not a
 * carrier.
 *
 * <p>HTTP/2: a new TLS connection offers h2 and http/1.1 by ALPN; when the server picks h2 that
 * connection is closed and the request, and every later one from this VU to that origin, goes
 * through this VU's own JDK HTTP/2 client ({@link Http2Exchange}), made on its first h2 request;
 * the requests of one {@code http.batch} share it as streams of one connection.
 *
 * <p>Lifecycle: {@link #endIteration()} at each iteration end (with {@code noVUConnectionReuse}
 * closes connections, the HTTP/2 client and what the VU learnt of h2 origins, so the next
 * iteration probes again); {@link #close()} when the VU stops.
 */
public final class VuHttpClient implements AutoCloseable {
    private final HttpClientConfig config;
    private final Dialer dialer;
    private final DeadlineWatch watch = DeadlineWatch.instance();
    private final Clock clock;
    private final ConnectionPool pool;
    private final Http2Exchange http2;
    /** Origins whose server chose h2 by ALPN, with what the probe connection learnt; batch threads share it. */
    private final Map<String, H2Origin> h2Origins = new ConcurrentHashMap<>();

    VuHttpClient(HttpEngine engine) {
        this.config = engine.config();
        this.dialer = engine.dialer();
        this.http2 = engine.newHttp2Exchange();
        this.clock = engine.clock();
        this.pool = new ConnectionPool(config.maxIdleConnectionsPerHost());
    }

    /** Sends without a cookie jar. */
    public HttpResponse send(HttpRequest request) {
        return send(request, null);
    }

    /**
     * Sends a request, following up to {@code maxRedirects} redirects within its timeout.
     *
     * @param jar cookies to send and to store Set-Cookie into (per hop, as k6 does), or null
     * @throws IllegalArgumentException for a {@code compression} this client cannot apply (k6
     *                                  throws a script error for it)
     */
    public HttpResponse send(HttpRequest request, CookieJar jar) {
        validate(request);
        return execute(pool, request, jar);
    }

    private static void validate(HttpRequest request) {
        for (String c : request.compression()) {
            ContentCoding.requireEncodable(c);
        }
    }

    /**
     * k6's {@code http.batch}: sends the requests in parallel, each on its own virtual thread, at
     * most {@code maxParallel} at once (k6's {@code batch} option) and at most
     * {@code maxIdleConnectionsPerHost} per origin (k6's {@code batchPerHost}). Idle connections
     * are lent to the requests and all connections come back to this VU's pool afterwards.
     * Returns when every request has finished; responses are in request order.
     */
    public List<HttpResponse> sendAll(List<HttpRequest> requests, CookieJar jar, int maxParallel) {
        requests.forEach(VuHttpClient::validate);
        if (requests.size() == 1) {
            return List.of(send(requests.get(0), jar));
        }
        Batch batch = new Batch(requests, Math.max(1, maxParallel), config.maxIdleConnectionsPerHost(), pool);
        return batch.run((childPool, request) -> execute(childPool, request, jar));
    }

    /**
     * A request sent on its own virtual thread (k6's {@code http.asyncRequest}): call on the VU's
     * thread, which lends it an idle connection to the origin; the response completes the
     * future on that thread; then {@link AsyncSend#finish} (on the VU's thread again) gives its
     * connections back to the VU's pool. Several may be in flight at once.
     *
     * @throws IllegalArgumentException for a {@code compression} this client cannot apply
     */
    public AsyncSend sendAsync(HttpRequest request, CookieJar jar) {
        validate(request);
        ConnectionPool own = new ConnectionPool(config.maxIdleConnectionsPerHost());
        try {
            Connection idle = pool.take(HttpUrl.parse(request.url()).origin());
            if (idle != null) {
                own.give(idle);
            }
        } catch (HttpFailure e) {
            // a URL that doesn't parse fails in execute(), with k6's error for it
        }
        CompletableFuture<HttpResponse> response = new CompletableFuture<>();
        Thread.ofVirtual().name("http-async").start(() -> {
            try {
                response.complete(execute(own, request, jar));
            } catch (RuntimeException | Error e) {
                response.completeExceptionally(e);
            }
        });
        return new AsyncSend(response, () -> own.drainInto(pool));
    }

    /** An asynchronous request in flight: its response, and what to run on the VU's thread once it is used. */
    public record AsyncSend(CompletableFuture<HttpResponse> response, Runnable finish) {
    }

    private HttpResponse execute(ConnectionPool pool, HttpRequest request, CookieJar jar) {
        long deadline = System.nanoTime() + request.timeout().toNanos();
        HttpUrl url;
        try {
            url = HttpUrl.parse(request.url());
        } catch (HttpFailure e) {
            return failed(request.url(), e, List.of(), HttpTimings.ZERO);
        }
        byte[] body = request.body();
        HttpHeaders userHeaders = request.headers();
        if (!request.compression().isEmpty() && body.length > 0) {
            body = ContentCoding.encode(body, request.compression());
            if (!userHeaders.contains("Content-Encoding")) {
                userHeaders = userHeaders.with("Content-Encoding", String.join(", ", request.compression()));
            }
        }
        return followHops(pool, request, url, request.method(), userHeaders, body, jar, deadline);
    }

    private HttpResponse followHops(ConnectionPool pool, HttpRequest request, HttpUrl start, String startMethod,
                                    HttpHeaders startHeaders, byte[] startBody, CookieJar jar, long deadline) {
        List<RoundTrip> trips = new ArrayList<>(1);
        HttpUrl url = start;
        String method = startMethod;
        HttpHeaders userHeaders = startHeaders;
        byte[] body = startBody;
        String digest = null;
        boolean digestTried = false;
        int redirects = 0;
        while (true) {
            Credentials cred = Credentials.fromUserInfo(url.userInfo());
            HttpHeaders headers = RequestHeaders.build(method, url, userHeaders, body, request, cred, digest,
                    jar, config);
            Hop hop = roundTrip(pool, method, url, headers, body, deadline, request.responseType(), false);
            if (hop.failure != null) {
                trips.add(hop.trip);
                return failed(url.text(), hop.failure, trips, hop.trip.timings());
            }
            Http1Exchange.Result res = hop.result;
            if (jar != null) {
                List<String> setCookies = res.headers().all("Set-Cookie");
                if (!setCookies.isEmpty()) {
                    jar.storeAll(url, setCookies);
                }
            }
            int status = res.status();
            if (status == 401 && request.auth() == AuthMode.DIGEST && !digestTried && cred != null) {
                Map<String, String> challenge = DigestAuth.challenge(res.headers());
                if (challenge != null) {
                    digestTried = true;
                    digest = DigestAuth.authorization(challenge, cred, method, url.target());
                    trips.add(hop.asChallenge().trip);
                    continue;
                }
            }
            String location = res.headers().first("Location");
            if (isRedirect(status) && location != null) {
                if (redirects >= request.maxRedirects()) {
                    trips.add(hop.trip);
                    return completed(hop, trips, true);
                }
                HttpUrl next;
                try {
                    next = url.resolve(location);
                } catch (HttpFailure e) {
                    trips.add(hop.trip);
                    return failed(location, e, trips, HttpTimings.ZERO);
                }
                trips.add(hop.trip);
                redirects++;
                if (status == 303 || ((status == 301 || status == 302) && !method.equals("GET")
                        && !method.equals("HEAD"))) {
                    method = method.equals("HEAD") ? "HEAD" : "GET";
                    body = new byte[0];
                    userHeaders = userHeaders.without("Content-Type").without("Content-Encoding")
                            .without("Content-Length");
                }
                if (!next.host().equalsIgnoreCase(url.host())) {
                    userHeaders = userHeaders.without("Authorization").without("Cookie");
                }
                userHeaders = withReferer(userHeaders, startHeaders, url, next);
                url = next;
                digest = null;
                digestTried = false;
                continue;
            }
            trips.add(hop.trip);
            return completed(hop, trips, false);
        }
    }

    /**
     * Go's client (so k6) sends the previous URL, credentials removed, as Referer on a followed
     * redirect, unless the script set its own or the hop goes from https to http.
     */
    private static HttpHeaders withReferer(HttpHeaders headers, HttpHeaders scriptHeaders, HttpUrl from, HttpUrl to) {
        if (from.isHttps() && !to.isHttps()) {
            return scriptHeaders.contains("Referer") ? headers : headers.without("Referer");
        }
        if (scriptHeaders.contains("Referer")) {
            return headers;
        }
        String referer = from.text();
        if (from.userInfo() != null) {
            referer = referer.replaceFirst(java.util.regex.Pattern.quote(from.userInfo() + "@"), "");
        }
        return headers.with("Referer", referer);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** One request/response on one connection, with its timings; at most one retry on a stale connection. */
    private Hop roundTrip(ConnectionPool pool, String method, HttpUrl url, HttpHeaders headers, byte[] body,
                          long deadline, ResponseType responseType, boolean isRetry) {
        Trace trace = new Trace();
        trace.getConn = System.nanoTime();
        H2Origin h2 = url.isHttps() ? h2Origins.get(url.origin()) : null;
        if (h2 != null) {
            trace.gotConn = trace.getConn;
            return h2Hop(method, url, headers, body, deadline, responseType, trace, h2, 0, 0);
        }
        Connection c = config.noConnectionReuse() || isRetry ? null : pool.take(url.origin());
        boolean reused = c != null;
        long written0 = 0;
        long read0 = 0;
        ErrorClassifier.Stage stage = ErrorClassifier.Stage.EXCHANGE;
        try {
            if (c == null) {
                c = dialer.connect(url, trace, deadline, dialer.mayUseHttp2(url));
                trace.gotConn = System.nanoTime();
                if (c.applicationProtocol.equals("h2")) {
                    // the server wants HTTP/2: this connection was the probe, the JDK client carries h2
                    c.close();
                    h2 = new H2Origin(c.remoteIp, c.remotePort, c.tlsVersion, c.cipherSuite);
                    h2Origins.put(url.origin(), h2);
                    return h2Hop(method, url, headers, body, deadline, responseType, trace, h2,
                            c.bytesWritten(), c.bytesRead());
                }
            } else {
                written0 = c.bytesWritten();
                read0 = c.bytesRead();
                trace.reusedConnection(System.nanoTime());
                if (!c.tlsVersion.isEmpty()) {
                    trace.tlsStart = trace.gotConn;
                    trace.tlsDone = trace.gotConn;
                }
            }
            c.in.deadline(deadline);
            watch.arm(c, deadline);
            if (c.forwardProxy == null) {
                Http1Exchange.writeRequest(c, method, url.target(), headers, body);
            } else {
                HttpHeaders wire = c.forwardProxy.authorization() == null ? headers
                        : headers.with("Proxy-Authorization", c.forwardProxy.authorization());
                Http1Exchange.writeRequest(c, method, "http://" + url.hostHeader() + url.target(), wire, body);
            }
            trace.wroteRequest = System.nanoTime();
            Http1Exchange.Result res = Http1Exchange.readResponse(c, method, responseType == ResponseType.NONE, trace);
            if (!watch.disarm(c)) {
                c.reusable = false; // the watch closed it just as the response ended: keep the response, not the connection
            }
            HttpFailure decodeFailure = null;
            if (responseType != ResponseType.NONE) {
                try {
                    res = decoded(res);
                } catch (HttpFailure e) {
                    decodeFailure = e;
                }
            }
            HttpTimings timings = trace.finish(System.nanoTime());
            long sent = c.bytesWritten() - written0;
            long received = c.bytesRead() - read0;
            if (config.noConnectionReuse()) {
                c.close();
            } else {
                pool.give(c);
            }
            int code = decodeFailure != null ? decodeFailure.code() : HttpErrorCodes.forStatus(res.status());
            RoundTrip trip = new RoundTrip(method, url.text(), headers, body, res.status(), res.proto(),
                    c.tlsVersion, c.remoteIp, c.remotePort, code,
                    decodeFailure != null ? decodeFailure.getMessage() : "", timings, sent, received,
                    clock.millis(), false);
            return new Hop(trip, res, c.cipherSuite, null);
        } catch (IOException e) {
            boolean nothingReceived = c != null && c.bytesRead() == read0;
            if (c != null) {
                watch.disarm(c);
                c.close();
            }
            boolean deadlinePassed = System.nanoTime() - deadline >= 0;
            if (reused && nothingReceived && !deadlinePassed && isStaleConnection(e)) {
                return roundTrip(pool, method, url, headers, body, deadline, responseType, true);
            }
            HttpFailure f = ErrorClassifier.classify(e, stage, deadlinePassed);
            HttpTimings timings = trace.finish(System.nanoTime());
            long sent = c == null ? 0 : c.bytesWritten() - written0;
            long received = c == null ? 0 : c.bytesRead() - read0;
            RoundTrip trip = new RoundTrip(method, url.text(), headers, body, 0, "",
                    c == null ? "" : c.tlsVersion, c == null ? "" : c.remoteIp, c == null ? 0 : c.remotePort,
                    f.code(), f.getMessage(), timings, sent, received, clock.millis(), false);
            return new Hop(trip, null, "", f);
        }
    }

    private static Http1Exchange.Result decoded(Http1Exchange.Result res) throws HttpFailure {
        return new Http1Exchange.Result(res.status(), res.proto(), res.statusText(), res.headers(),
                ContentCoding.decode(res.body(), res.headers().first("Content-Encoding")));
    }

    /**
     * One round trip over HTTP/2 through this VU's JDK client. The probe's bytes (its TLS
     * handshake) count as sent and received on the first request to the origin.
     */
    private Hop h2Hop(String method, HttpUrl url, HttpHeaders headers, byte[] body, long deadline,
                      ResponseType responseType, Trace trace, H2Origin origin, long probeSent, long probeRead) {
        try {
            Http2Exchange.Outcome out = http2.send(method, url, headers, body, deadline, trace);
            Http1Exchange.Result res = out.result();
            HttpFailure decodeFailure = null;
            if (responseType == ResponseType.NONE) {
                res = new Http1Exchange.Result(res.status(), res.proto(), res.statusText(), res.headers(), new byte[0]);
            } else {
                try {
                    res = decoded(res);
                } catch (HttpFailure e) {
                    decodeFailure = e;
                }
            }
            HttpTimings timings = trace.finish(System.nanoTime());
            int code = decodeFailure != null ? decodeFailure.code() : HttpErrorCodes.forStatus(res.status());
            RoundTrip trip = new RoundTrip(method, url.text(), headers, body, res.status(), res.proto(),
                    origin.tlsVersion(), origin.remoteIp(), origin.remotePort(), code,
                    decodeFailure != null ? decodeFailure.getMessage() : "", timings, probeSent + out.bytesSent(),
                    probeRead + out.bytesReceived(), clock.millis(), false);
            return new Hop(trip, res, origin.cipherSuite(), null);
        } catch (IOException e) {
            HttpFailure f = ErrorClassifier.classify(e, ErrorClassifier.Stage.EXCHANGE,
                    System.nanoTime() - deadline >= 0);
            HttpTimings timings = trace.finish(System.nanoTime());
            RoundTrip trip = new RoundTrip(method, url.text(), headers, body, 0, "", origin.tlsVersion(),
                    origin.remoteIp(), origin.remotePort(), f.code(), f.getMessage(), timings, probeSent, probeRead,
                    clock.millis(), false);
            return new Hop(trip, null, "", f);
        }
    }

    /** What the ALPN probe learnt of an h2 origin; the JDK client's own connection is not visible. */
    private record H2Origin(String remoteIp, int remotePort, String tlsVersion, String cipherSuite) {
    }

    /**
     * A reused keep-alive connection the server had already closed: it fails before any response
     * byte. Such requests are retried once on a new connection, whatever the method, because the
     * server cannot have answered them.
     */
    private static boolean isStaleConnection(IOException e) {
        if (e instanceof Http1Exchange.NoResponseException) {
            return true;
        }
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return e instanceof java.net.SocketException && (m.contains("reset") || m.contains("broken pipe"));
    }

    private static HttpResponse completed(Hop hop, List<RoundTrip> trips, boolean redirectLimitReached) {
        Http1Exchange.Result res = hop.result;
        RoundTrip trip = hop.trip;
        return new HttpResponse(res.status(), res.statusText(), res.proto(), res.headers(), res.body(),
                trip.url(), trip.remoteIp(), trip.remotePort(), trip.tlsVersion(), hop.cipherSuite,
                trip.error(), trip.errorCode(), trip.timings(), trips, redirectLimitReached);
    }

    private static HttpResponse failed(String url, HttpFailure f, List<RoundTrip> trips, HttpTimings timings) {
        RoundTrip last = trips.isEmpty() ? null : trips.get(trips.size() - 1);
        return new HttpResponse(0, "", "", HttpHeaders.EMPTY, new byte[0], url,
                last == null ? "" : last.remoteIp(), last == null ? 0 : last.remotePort(),
                last == null ? "" : last.tlsVersion(), "", f.getMessage(), f.code(), timings, trips, false);
    }

    /** Call at the end of every iteration: honours k6's {@code noVUConnectionReuse}. */
    public void endIteration() {
        if (config.noVuConnectionReuse()) {
            pool.closeAll();
            http2.close();
            h2Origins.clear();
        }
    }

    /** Idle connections currently kept for reuse. */
    public int idleConnections() {
        return pool.idleCount();
    }

    /** Closes every connection and the HTTP/2 client (waiting briefly for its thread); call when the VU stops. */
    @Override
    public void close() {
        pool.closeAll();
        http2.close();
        h2Origins.clear();
    }

    /** The outcome of one round trip: the hop record and either the response read or the failure. */
    private record Hop(RoundTrip trip, Http1Exchange.Result result, String cipherSuite, HttpFailure failure) {
        Hop asChallenge() {
            RoundTrip t = trip;
            return new Hop(new RoundTrip(t.method(), t.url(), t.requestHeaders(), t.requestBody(), t.status(),
                    t.proto(), t.tlsVersion(), t.remoteIp(), t.remotePort(), t.errorCode(), t.error(),
                    t.timings(), t.bytesSent(), t.bytesReceived(), t.endTimeMillis(), true),
                    result, cipherSuite, failure);
        }
    }
}
