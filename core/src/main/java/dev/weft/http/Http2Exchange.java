package dev.weft.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodySubscribers;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Sends one request over HTTP/2 with the JDK's {@link HttpClient}, for origins whose server chose
 * h2 by ALPN. One client per test, made on first use with the engine's TLS context and versions,
 * redirects NEVER (the VU client follows them) and shared by every VU: thread-safe, and callers
 * block on their own (virtual) threads.
 *
 * <p>Timings are what the JDK client lets us see: waiting runs from the call to the response
 * headers, receiving from the headers to the end of the body, sending is 0. Bytes on the wire are
 * estimated from the header and body sizes (HPACK and framing are not visible).
 */
final class Http2Exchange implements AutoCloseable {
    /** Headers the JDK client sets itself or HTTP/2 forbids. */
    private static final Set<String> NOT_SENT = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "keep-alive", "proxy-connection", "transfer-encoding", "te");

    /** A response with its estimated byte counts. */
    record Outcome(Http1Exchange.Result result, long bytesSent, long bytesReceived) {
    }

    private final SSLContext tls;
    private final SSLParameters parameters;
    private final Duration connectTimeout;
    private final ReentrantLock lock = new ReentrantLock();
    private HttpClient client;

    Http2Exchange(SSLContext tls, SSLParameters parameters, Duration connectTimeout) {
        this.tls = tls;
        this.parameters = parameters;
        this.connectTimeout = connectTimeout;
    }

    private HttpClient client() {
        lock.lock();
        try {
            if (client == null) {
                client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).sslContext(tls)
                        .sslParameters(parameters).followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(connectTimeout).build();
            }
            return client;
        } finally {
            lock.unlock();
        }
    }

    /** Sends and reads the whole response; stamps wroteRequest and firstByte on the trace. */
    Outcome send(String method, HttpUrl url, HttpHeaders headers, byte[] body, long deadline, Trace trace)
            throws IOException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new HttpFailure(HttpErrorCodes.REQUEST_TIMEOUT, "request timeout");
        }
        java.net.http.HttpRequest.Builder b;
        try {
            b = java.net.http.HttpRequest.newBuilder(URI.create(url.scheme() + "://" + url.hostHeader() + url.target()))
                    .timeout(Duration.ofNanos(remaining))
                    .method(method, body.length == 0 ? java.net.http.HttpRequest.BodyPublishers.noBody()
                            : java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
        } catch (IllegalArgumentException e) {
            throw new HttpFailure(HttpErrorCodes.INVALID_URL, "invalid URL " + url.text(), e);
        }
        long sent = method.length() + url.target().length() + url.hostHeader().length() + 30 + body.length;
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            sent += name.length() + headers.value(i).length() + 4;
            if (!NOT_SENT.contains(name.toLowerCase(Locale.ROOT))) {
                try {
                    b.header(name, headers.value(i));
                } catch (IllegalArgumentException e) {
                    throw new HttpFailure(HttpErrorCodes.GENERIC, "invalid header " + name + ": " + e.getMessage(), e);
                }
            }
        }
        long[] headersAt = new long[1];
        trace.wroteRequest = System.nanoTime();
        java.net.http.HttpResponse<byte[]> r;
        try {
            r = client().send(b.build(), info -> {
                headersAt[0] = System.nanoTime();
                return BodySubscribers.ofByteArray();
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for an HTTP/2 response");
        }
        trace.firstByte = headersAt[0] != 0 ? headersAt[0] : System.nanoTime();
        HttpHeaders.Builder h = HttpHeaders.builder();
        long received = 12 + r.body().length;
        for (Map.Entry<String, List<String>> e : r.headers().map().entrySet()) {
            if (e.getKey().startsWith(":")) {
                continue;
            }
            String name = canonical(e.getKey());
            for (String v : e.getValue()) {
                h.add(name, v);
                received += name.length() + v.length() + 4;
            }
        }
        int status = r.statusCode();
        String reason = ReasonPhrase.of(status);
        Http1Exchange.Result result = new Http1Exchange.Result(status, "HTTP/2.0",
                reason.isEmpty() ? Integer.toString(status) : status + " " + reason, h.build(), r.body());
        return new Outcome(result, sent, received);
    }

    /** Go's canonical header form, as k6 shows HTTP/2's lower-case names: "content-type" to "Content-Type". */
    static String canonical(String name) {
        char[] c = name.toCharArray();
        boolean upper = true;
        for (int i = 0; i < c.length; i++) {
            c[i] = upper ? Character.toUpperCase(c[i]) : Character.toLowerCase(c[i]);
            upper = c[i] == '-';
        }
        return new String(c);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (client != null) {
                client.shutdownNow();
                client = null;
            }
        } finally {
            lock.unlock();
        }
    }
}
