package dev.weft.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.target.LocalTarget;
import dev.weft.target.TargetServer;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests through a real SOCKS5 server on loopback. The proxy pipes every CONNECT to the asked
 * port on loopback, so target names need no DNS (loopback URLs are never proxied).
 */
@ExtendWith(LocalTarget.class)
class Socks5HandshakeTest {
    private final TargetServer target;

    Socks5HandshakeTest(TargetServer target) {
        this.target = target;
    }

    private static HttpResponse send(Map<String, String> env, String url) {
        HttpClientConfig config = HttpClientConfig.defaults().withInsecureSkipTlsVerify(true)
                .withConnectionReuse(true, false).withProxyEnv(env);
        HttpEngine engine = new HttpEngine(config, Clock.systemUTC());
        try (VuHttpClient http = engine.newVuClient()) {
            return http.send(HttpRequest.get(url));
        } finally {
            engine.close();
        }
    }

    @Test
    void anInternationalisedNameGoesToTheProxyInPunycode() throws Exception {
        try (RecordingSocksProxy proxy = new RecordingSocksProxy()) {
            HttpResponse r = send(Map.of("HTTP_PROXY", "socks5://127.0.0.1:" + proxy.port()),
                    "http://b\u00fccher.invalid:" + target.port() + "/get");

            assertThat(r.status()).isEqualTo(200);
            assertThat(proxy.destinations()).containsExactly(
                    new RecordingSocksProxy.Destination("name", "xn--bcher-kva.invalid", target.port()));
        }
    }

    @ParameterizedTest(name = "{0}:// hands the target name to the proxy to resolve")
    @ValueSource(strings = {"socks5", "socks5h"})
    void plainHttpGoesThroughTheProxyByName(String scheme) throws Exception {
        try (RecordingSocksProxy proxy = new RecordingSocksProxy()) {
            HttpResponse r = send(Map.of("HTTP_PROXY", scheme + "://127.0.0.1:" + proxy.port()),
                    "http://target.invalid:" + target.port() + "/get?x=1");

            assertThat(r.error()).isEmpty();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyText()).contains("\"x\": \"1\"");
            assertThat(r.remotePort()).isEqualTo(proxy.port());
            assertThat(proxy.destinations())
                    .containsExactly(new RecordingSocksProxy.Destination("name", "target.invalid", target.port()));
        }
    }

    @Test
    void httpsTunnelsThroughTheProxyWithTlsToTheTarget() throws Exception {
        try (RecordingSocksProxy proxy = new RecordingSocksProxy()) {
            HttpResponse r = send(Map.of("HTTPS_PROXY", "socks5h://127.0.0.1:" + proxy.port()),
                    "https://target.invalid:" + target.httpsPort() + "/get");

            assertThat(r.error()).isEmpty();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.tlsVersion()).startsWith("tls1.");
            assertThat(proxy.destinations()).containsExactly(
                    new RecordingSocksProxy.Destination("name", "target.invalid", target.httpsPort()));
        }
    }

    @Test
    void anIpTargetIsSentAsAnAddress() throws Exception {
        try (RecordingSocksProxy proxy = new RecordingSocksProxy()) {
            HttpResponse r = send(Map.of("HTTP_PROXY", "socks5://127.0.0.1:" + proxy.port()),
                    "http://10.20.30.40:" + target.port() + "/get");

            assertThat(r.status()).isEqualTo(200);
            assertThat(proxy.destinations())
                    .containsExactly(new RecordingSocksProxy.Destination("ipv4", "10.20.30.40", target.port()));
        }
    }

    @Test
    void userAndPasswordFromTheUrlAuthenticate() throws Exception {
        try (RecordingSocksProxy proxy = new RecordingSocksProxy("load", "p@ss:word")) {
            HttpResponse r = send(Map.of("HTTP_PROXY", "socks5://load:p%40ss%3Aword@127.0.0.1:" + proxy.port()),
                    "http://target.invalid:" + target.port() + "/get");

            assertThat(r.error()).isEmpty();
            assertThat(r.status()).isEqualTo(200);
            assertThat(proxy.logins()).containsExactly("load:p@ss:word");
        }
    }

    @Test
    void wrongCredentialsFailTheRequestWithoutThrowing() throws Exception {
        try (RecordingSocksProxy proxy = new RecordingSocksProxy("load", "secret")) {
            HttpResponse r = send(Map.of("HTTP_PROXY", "socks5://load:wrong@127.0.0.1:" + proxy.port()),
                    "http://target.invalid:" + target.port() + "/get");

            assertThat(r.status()).isZero();
            assertThat(r.errorCode()).isEqualTo(HttpErrorCodes.TCP_GENERIC);
            assertThat(r.error()).isEqualTo("socks connect tcp 127.0.0.1:" + proxy.port() + "->target.invalid:"
                    + target.port() + ": username/password authentication failed");
            assertThat(proxy.destinations()).isEmpty();
        }
    }

    @Test
    void aProxyThatWantsCredentialsRefusesAClientWithout() throws Exception {
        try (RecordingSocksProxy proxy = new RecordingSocksProxy("load", "secret")) {
            HttpResponse r = send(Map.of("HTTP_PROXY", "socks5://127.0.0.1:" + proxy.port()),
                    "http://target.invalid:" + target.port() + "/get");

            assertThat(r.errorCode()).isEqualTo(HttpErrorCodes.TCP_GENERIC);
            assertThat(r.error()).endsWith(": no acceptable authentication methods");
        }
    }

    @Test
    void aConnectTheProxyCannotMakeReportsItsReply() throws Exception {
        int closedPort = 1; // privileged, so never listened on here nor an ephemeral port
        try (RecordingSocksProxy proxy = new RecordingSocksProxy()) {
            HttpResponse r = send(Map.of("HTTP_PROXY", "socks5://127.0.0.1:" + proxy.port()),
                    "http://target.invalid:" + closedPort + "/get");

            assertThat(r.errorCode()).isEqualTo(HttpErrorCodes.TCP_GENERIC);
            assertThat(r.error()).endsWith(": connection refused");
        }
    }

    @Test
    void anUnreachableProxyIsK6sProxyconnectError1200() {
        HttpResponse r = send(Map.of("HTTP_PROXY", "socks5://127.0.0.1:1"),
                "http://target.invalid:" + target.port() + "/get");

        assertThat(r.status()).isZero();
        assertThat(r.errorCode()).isEqualTo(HttpErrorCodes.TCP_GENERIC);
        assertThat(r.error()).startsWith("proxyconnect tcp: ");
    }

    @Test
    void theHandshakeCountsAsConnecting() throws Exception {
        try (RecordingSocksProxy proxy = new RecordingSocksProxy()) {
            HttpResponse r = send(Map.of("HTTP_PROXY", "socks5://127.0.0.1:" + proxy.port()),
                    "http://target.invalid:" + target.port() + "/get");

            assertThat(r.timings().connecting()).isPositive();
            assertThat(r.timings().tlsHandshaking()).isZero();
        }
    }
}
