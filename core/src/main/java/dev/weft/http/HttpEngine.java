package dev.weft.http;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLContext;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

/**
 * The test-wide part of the HTTP engine: settings, TLS context and resolver, built once per test
 * from an {@link HttpClientConfig} and shared by every VU (thread-safe: immutable after
 * construction but for the TLS context, made once on first use). It makes each VU's {@link
 * VuHttpClient} and {@link CookieJar}.
 *
 * <p>The TLS context (the JDK's trust store, its providers and key managers: ~10% of a plain
 * smoke test's start-up) is made when the first https connection needs it, so plain-http tests
 * never pay for it; {@code tlsAuth} entries are still read, and refused, at construction.
 *
 * <pre>{@code
 * HttpEngine engine = new HttpEngine(HttpClientConfig.defaults(), Clock.systemUTC());
 * // per VU, on its thread:
 * VuHttpClient http = engine.newVuClient();
 * CookieJar jar = engine.newCookieJar();
 * HttpResponse r = http.send(HttpRequest.get(url), jar);
 * HttpSamples.emit(r, tags, ExpectedStatuses.defaults(), sink);
 * http.endIteration(); jar.clearAll();   // at iteration end / start
 * http.close();                          // when the VU stops
 * }</pre>
 *
 * <p>HTTP/2: like k6, Weft speaks h2 only over TLS when the server picks it by ALPN. Weft's own
 * client speaks HTTP/1.1, so such requests (and later ones from the same VU to that origin) go
 * through a JDK {@link java.net.http.HttpClient} that belongs to that VU ({@link Http2Exchange}),
 * as in k6 each VU has its own transport and so its own h2 connections.
 */
public final class HttpEngine {
    private final HttpClientConfig config;
    private final Clock clock;
    private final KeyManager[] keys;
    private final ReentrantLock tlsLock = new ReentrantLock();
    private volatile SSLContext tls;
    private final Dialer dialer;

    /**
     * @throws dev.weft.options.OptionsException when a {@code tlsAuth} certificate or key cannot be
     *                                           read or decrypted (the message names the entry); an
     *                                           unusable proxy variable instead fails the requests it would serve
     */
    public HttpEngine(HttpClientConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.keys = config.tlsAuth().isEmpty() ? null : new KeyManager[] {new ClientCertificates(config.tlsAuth())};
        ProxyEnvironment proxies = new ProxyEnvironment(config.proxyEnv());
        this.dialer = new Dialer(config, () -> tls().getSocketFactory(), proxies);
    }

    public HttpClientConfig config() {
        return config;
    }

    Clock clock() {
        return clock;
    }

    Dialer dialer() {
        return dialer;
    }

    /** A VU's own HTTP/2 side (it starts no JDK client until its first h2 request). */
    Http2Exchange newHttp2Exchange() {
        return new Http2Exchange(this::tls, dialer.tlsParameters(), config.dialTimeout(), config.noConnectionReuse());
    }

    /** Whether a connection has needed TLS yet (tests check that plain http never does). */
    boolean tlsContextMade() {
        return tls != null;
    }

    /** The test's TLS context, made by the first caller (any VU thread) and shared from then on. */
    SSLContext tls() {
        SSLContext made = tls;
        if (made != null) {
            return made;
        }
        tlsLock.lock();
        try {
            if (tls == null) {
                tls = sslContext(config, keys);
            }
            return tls;
        } finally {
            tlsLock.unlock();
        }
    }

    /** A client for one VU; call it only from that VU's thread. */
    public VuHttpClient newVuClient() {
        return new VuHttpClient(this);
    }

    /** An empty cookie jar for one VU (or for a script's {@code new http.CookieJar()}). */
    public CookieJar newCookieJar() {
        return new CookieJar(clock);
    }

    /**
     * Call once when the test ends. Holds nothing to release today: each VU's HTTP/2 client is
     * closed with its {@link VuHttpClient}.
     */
    public void close() {
    }

    private static SSLContext sslContext(HttpClientConfig config, KeyManager[] keys) {
        try {
            if (!config.insecureSkipTlsVerify() && keys == null) {
                return SSLContext.getDefault();
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            TrustManager[] trust = config.insecureSkipTlsVerify() ? new TrustManager[] {new TrustEverything()} : null;
            ctx.init(keys, trust, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no usable TLS implementation", e);
        }
    }
}
