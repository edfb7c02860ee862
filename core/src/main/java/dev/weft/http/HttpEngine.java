package dev.weft.http;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.net.Socket;
import java.time.Clock;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The test-wide part of the HTTP engine: settings, TLS context and resolver, built once per test
 * from an {@link HttpClientConfig} and shared by every VU (thread-safe: immutable after
 * construction). It makes each VU's {@link VuHttpClient} and {@link CookieJar}.
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
 */
public final class HttpEngine {
    private final HttpClientConfig config;
    private final Clock clock;
    private final Dialer dialer;

    public HttpEngine(HttpClientConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.dialer = new Dialer(config, socketFactory(config.insecureSkipTlsVerify()));
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

    /** A client for one VU; call it only from that VU's thread. */
    public VuHttpClient newVuClient() {
        return new VuHttpClient(this);
    }

    /** An empty cookie jar for one VU (or for a script's {@code new http.CookieJar()}). */
    public CookieJar newCookieJar() {
        return new CookieJar(clock);
    }

    private static SSLSocketFactory socketFactory(boolean insecure) {
        try {
            if (!insecure) {
                return SSLContext.getDefault().getSocketFactory();
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new TrustEverything()}, null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no usable TLS implementation", e);
        }
    }

    /** insecureSkipTLSVerify: any certificate chain and any host name are accepted. */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
