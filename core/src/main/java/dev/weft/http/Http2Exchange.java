package dev.weft.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodySubscribers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * One VU's HTTP/2 side: sends requests to origins whose server chose h2 by ALPN through a JDK
 * {@link HttpClient} that belongs to this VU alone, as each k6 VU has its own Go transport, so
 * its h2 connections are its own. Made by {@link VuHttpClient} with the engine's TLS context and
 * versions; the JDK client (redirects NEVER: the VU client follows them) is made on the first
 * send, so VUs that never speak h2 do not pay for one.
 *
 * <p>Cost: each JDK client has one platform selector thread ("HttpClient-N-SelectorManager") and
 * its own connection per origin; its other work runs on virtual threads, so a VU that speaks h2
 * costs one platform thread. {@link #close()} stops both and waits (briefly) for the selector to
 * end.
 *
 * <p>With {@code clientPerRequest} (k6's {@code noConnectionReuse}) every send makes a fresh
 * client, and with it a fresh TCP connection and TLS handshake, and shuts it down after the
 * response: a selector thread started and stopped per request, on top of the handshake the
 * option is there to measure. The handshake is not visible through the JDK client, so it counts
 * in {@code waiting}, not in {@code connecting} or {@code tls_handshaking}.
 *
 * <p>Threading: {@link #send} is called by the VU's thread and, during {@code http.batch}, by its
 * batch threads at once; they share the client, which multiplexes their streams over one
 * connection per origin. {@link #close()} is called by the VU's thread when none of its requests
 * is in flight (at the end of an iteration with {@code noVUConnectionReuse}, and when the VU
 * stops); a later send makes a new client.
 *
 * <p>Timings are what the JDK client lets us see: waiting runs from the call to the response
 * headers, receiving from the headers to the end of the body, sending is 0. Bytes on the wire are
 * estimated from the header and body sizes (HPACK and framing are not visible).
 */
final class Http2Exchange implements AutoCloseable {
    /** Headers the JDK client sets itself or HTTP/2 forbids. */
    private static final Set<String> NOT_SENT = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "keep-alive", "proxy-connection", "transfer-encoding", "te");
    /** How long {@link #close()} waits for a shut-down client's selector thread to end. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    /** A response with its estimated byte counts. */
    record Outcome(Http1Exchange.Result result, long bytesSent, long bytesReceived) {
    }

    private final Supplier<SSLContext> tls;
    private final SSLParameters parameters;
    private final Duration connectTimeout;
    private final boolean clientPerRequest;
    private final ReentrantLock lock = new ReentrantLock();
    private JdkClient client;
    /** noConnectionReuse: clients already shut down whose selector thread may still be ending. */
    private final List<JdkClient> retiring = new ArrayList<>();

    /**
     * @param clientPerRequest k6's {@code noConnectionReuse}: a fresh JDK client (and connection)
     *                         for every request
     */
    Http2Exchange(Supplier<SSLContext> tls, SSLParameters parameters, Duration connectTimeout,
            boolean clientPerRequest) {
        this.tls = tls;
        this.parameters = parameters;
        this.connectTimeout = connectTimeout;
        this.clientPerRequest = clientPerRequest;
    }

    /**
     * The JDK client offers h2 by ALPN only when its TLS parameters name the TLS versions (without
     * them it silently speaks HTTP/1.1, and opens a connection per concurrent request), so when
     * the test sets none the context's defaults are named.
     */
    private static SSLParameters withVersions(SSLParameters given, SSLContext tls) {
        if (given.getProtocols() != null) {
            return given;
        }
        return new SSLParameters(given.getCipherSuites(), tls.getDefaultSSLParameters().getProtocols());
    }

    /** The VU's client, made on first use; batch threads may ask at once. */
    private JdkClient sharedClient() {
        lock.lock();
        try {
            if (client == null) {
                client = newClient();
            }
            return client;
        } finally {
            lock.unlock();
        }
    }

    private JdkClient newClient() {
        ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("weft-h2-", 0).factory());
        SSLContext context = tls.get();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).sslContext(context)
                .sslParameters(withVersions(parameters, context)).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout).executor(workers).build();
        return new JdkClient(http, workers);
    }

    /**
     * A fresh client for one request (noConnectionReuse). Clients shut down after earlier
     * requests are kept until their selector thread has ended, so {@link #close()} can wait for
     * the ones still ending.
     */
    private JdkClient clientForOneRequest() {
        JdkClient fresh = newClient();
        lock.lock();
        try {
            retiring.removeIf(c -> c.http().isTerminated());
            retiring.add(fresh);
        } finally {
            lock.unlock();
        }
        return fresh;
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
        JdkClient via = clientPerRequest ? clientForOneRequest() : sharedClient();
        trace.wroteRequest = System.nanoTime();
        java.net.http.HttpResponse<byte[]> r;
        try {
            r = via.http().send(b.build(), info -> {
                headersAt[0] = System.nanoTime();
                return BodySubscribers.ofByteArray();
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for an HTTP/2 response");
        } finally {
            if (clientPerRequest) {
                via.shutdown(false); // its selector ends on its own: waiting here would count as receiving
            }
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
        String proto = r.version() == HttpClient.Version.HTTP_2 ? "HTTP/2.0" : "HTTP/1.1";
        Http1Exchange.Result result = new Http1Exchange.Result(status, proto,
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

    /** Shuts the VU's client(s) down, closing their connections; a later send makes a new one. */
    @Override
    public void close() {
        List<JdkClient> old;
        lock.lock();
        try {
            old = new ArrayList<>(retiring);
            if (client != null) {
                old.add(client);
            }
            client = null;
            retiring.clear();
        } finally {
            lock.unlock();
        }
        for (JdkClient c : old) {
            c.shutdown(true);
        }
    }

    /** A JDK client with the virtual-thread executor it runs its work on. */
    private record JdkClient(HttpClient http, ExecutorService workers) {
        /** Stops the client now (in-flight exchanges fail) and, if asked, waits for its selector thread. */
        void shutdown(boolean await) {
            http.shutdownNow();
            try {
                if (await) {
                    http.awaitTermination(CLOSE_WAIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                workers.shutdownNow();
            }
        }
    }
}
