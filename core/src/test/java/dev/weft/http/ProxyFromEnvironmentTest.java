package dev.weft.http;

import dev.weft.target.LocalTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.target.TargetServer;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import dev.weft.target.SelfSignedCertificate;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Requests through real loopback proxies, http:// and https:// (TLS to the proxy with a
 * self-signed certificate); the name target.test stands for the target, as loopback is never
 * proxied. SOCKS5 proxies are in {@link Socks5HandshakeTest}.
 */
@ExtendWith(LocalTarget.class)
class ProxyFromEnvironmentTest {
    private static SSLContext proxyTls;
    private final TargetServer target;
    private RecordingProxy proxy;

    @BeforeAll
    static void makeProxyCertificate() {
        proxyTls = SelfSignedCertificate.createServerContext();
    }

    ProxyFromEnvironmentTest(TargetServer target) {
        this.target = target;
    }

    @BeforeEach
    void start() throws Exception {
        proxy = new RecordingProxy(target.port(), target.httpsPort());
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
    }

    private HttpResponse send(Map<String, String> env, String url) {
        return send(env, url, true);
    }

    private HttpResponse send(Map<String, String> env, String url, boolean insecure) {
        HttpClientConfig config = HttpClientConfig.defaults().withInsecureSkipTlsVerify(insecure)
                .withConnectionReuse(true, false).withHosts(Map.of("target.test", "127.0.0.1"))
                .withProxyEnv(env);
        HttpEngine engine = new HttpEngine(config, Clock.systemUTC());
        try (VuHttpClient http = engine.newVuClient()) {
            return http.send(HttpRequest.get(url));
        } finally {
            engine.close();
        }
    }

    @Test
    void plainHttpGoesThroughHttpProxyInAbsoluteForm() {
        HttpResponse r = send(Map.of("HTTP_PROXY", proxy.url()), "http://target.test:" + target.port() + "/get?x=1");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bodyText()).contains("\"x\": \"1\"");
        assertThat(proxy.requestLines())
                .containsExactly("GET http://target.test:" + target.port() + "/get?x=1 HTTP/1.1");
    }

    @Test
    void httpsGoesThroughATunnelFromHttpsProxy() {
        HttpResponse r = send(Map.of("https_proxy", proxy.url()), "https://target.test:" + target.httpsPort() + "/get");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.tlsVersion()).startsWith("tls1.");
        assertThat(proxy.requestLines()).containsExactly("CONNECT target.test:" + target.httpsPort() + " HTTP/1.1");
    }

    @Test
    void eachVariableServesOnlyItsScheme() {
        HttpResponse r = send(Map.of("HTTPS_PROXY", proxy.url()), "http://target.test:" + target.port() + "/get");

        assertThat(r.status()).isEqualTo(200);
        assertThat(proxy.requestLines()).isEmpty();
    }

    @Test
    void noProxyNamesSkipTheProxy() {
        Map<String, String> env = new HashMap<>();
        env.put("HTTP_PROXY", proxy.url());
        env.put("NO_PROXY", "example.com, .test");
        HttpResponse r = send(env, "http://target.test:" + target.port() + "/get");

        assertThat(r.status()).isEqualTo(200);
        assertThat(proxy.requestLines()).isEmpty();
    }

    @Test
    void loopbackIsNeverProxied() {
        HttpResponse r = send(Map.of("HTTP_PROXY", proxy.url()), target.baseUrl() + "/get");

        assertThat(r.status()).isEqualTo(200);
        assertThat(proxy.requestLines()).isEmpty();
    }

    @Test
    void aRefusedProxyFailsTheRequestWithK6sProxyconnectError1200() {
        HttpResponse r = send(Map.of("HTTP_PROXY", "127.0.0.1:1"), "http://target.test:" + target.port() + "/get");

        assertThat(r.status()).isZero();
        assertThat(r.errorCode()).isEqualTo(HttpErrorCodes.TCP_GENERIC);
        assertThat(r.error()).isEqualTo("proxyconnect tcp: dial: connection refused");
    }

    @Test
    void aConnectAnsweredWithAnythingBut200FailsWithTheStatusTextAsGoDoes() {
        proxy.connectReply = "407 Proxy Authentication Required";
        HttpResponse refused = send(Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port()),
                "https://target.test:" + target.httpsPort() + "/get");
        proxy.connectReply = "204 No Content";
        HttpResponse noTunnel = send(Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port()),
                "https://target.test:" + target.httpsPort() + "/get");

        assertThat(refused.status()).isZero();
        assertThat(refused.errorCode()).isEqualTo(HttpErrorCodes.GENERIC);
        assertThat(refused.error()).isEqualTo("Proxy Authentication Required");
        assertThat(noTunnel.error()).isEqualTo("No Content");
    }

    @Test
    void credentialsInAnHttpProxyUrlBecomeBasicProxyAuthorization() {
        HttpResponse r = send(Map.of("HTTP_PROXY", "http://load:s%3Acret@127.0.0.1:" + proxy.port()),
                "http://target.test:" + target.port() + "/get");

        assertThat(r.status()).isEqualTo(200);
        assertThat(proxy.proxyAuthorizations()).containsExactly("Basic bG9hZDpzOmNyZXQ=");
    }

    @Test
    void aProxyAddressWithoutSchemeIsHttp() {
        HttpResponse r = send(Map.of("HTTP_PROXY", "127.0.0.1:" + proxy.port()),
                "http://target.test:" + target.port() + "/get");

        assertThat(r.status()).isEqualTo(200);
        assertThat(proxy.requestLines()).hasSize(1);
    }

    @Test
    void anUnsupportedSchemeFailsEachRequestNamingTheVariable() {
        HttpResponse r = send(Map.of("https_proxy", "socks4://127.0.0.1:" + proxy.port()),
                "https://target.test:" + target.httpsPort() + "/get");

        assertThat(r.status()).isZero();
        assertThat(r.errorCode()).isEqualTo(HttpErrorCodes.GENERIC);
        assertThat(r.error()).isEqualTo(
                "https_proxy: unsupported proxy scheme \"socks4\" (supported: http, https, socks5, socks5h)");
        assertThat(proxy.requestLines()).isEmpty();
    }

    @Test
    void plainHttpGoesInAbsoluteFormInsideTlsToAnHttpsProxy() throws Exception {
        try (RecordingProxy tlsProxy = new RecordingProxy(target.port(), target.httpsPort(), proxyTls)) {
            HttpResponse r = send(Map.of("HTTP_PROXY", "https://u:p@127.0.0.1:" + tlsProxy.port()),
                    "http://target.test:" + target.port() + "/get?x=2");

            assertThat(r.error()).isEmpty();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyText()).contains("\"x\": \"2\"");
            assertThat(r.tlsVersion()).as("as in k6, the proxy's session").startsWith("tls1.");
            assertThat(r.timings().tlsHandshaking()).as("the proxy's handshake").isPositive();
            assertThat(tlsProxy.requestLines())
                    .containsExactly("GET http://target.test:" + target.port() + "/get?x=2 HTTP/1.1");
            assertThat(tlsProxy.proxyAuthorizations()).containsExactly("Basic dTpw");
        }
    }

    @Test
    void httpsTunnelsWithASecondTlsLayerInsideAnHttpsProxy() throws Exception {
        try (RecordingProxy tlsProxy = new RecordingProxy(target.port(), target.httpsPort(), proxyTls)) {
            HttpResponse r = send(Map.of("HTTPS_PROXY", "https://u:p@127.0.0.1:" + tlsProxy.port()),
                    "https://target.test:" + target.httpsPort() + "/get");

            assertThat(r.error()).isEmpty();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.tlsVersion()).startsWith("tls1.");
            assertThat(r.proto()).isEqualTo("HTTP/1.1");
            assertThat(tlsProxy.requestLines())
                    .containsExactly("CONNECT target.test:" + target.httpsPort() + " HTTP/1.1");
            assertThat(tlsProxy.proxyAuthorizations()).containsExactly("Basic dTpw");
        }
    }

    @Test
    void anHttpsProxyCertificateIsVerifiedUnlessInsecure() throws Exception {
        try (RecordingProxy tlsProxy = new RecordingProxy(target.port(), target.httpsPort(), proxyTls)) {
            HttpResponse r = send(Map.of("HTTP_PROXY", tlsProxy.url()),
                    "http://target.test:" + target.port() + "/get", false);

            assertThat(r.status()).isZero();
            assertThat(r.errorCode()).isEqualTo(HttpErrorCodes.TCP_GENERIC);
            assertThat(r.error()).isEqualTo("proxyconnect tcp: x509: unknown authority");
            assertThat(tlsProxy.requestLines()).isEmpty();
        }
    }
}
