package dev.weft.http;

import dev.weft.target.LocalTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.target.TargetServer;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Requests through a real loopback proxy; the name target.test stands for the target, as loopback is never proxied. */
@ExtendWith(LocalTarget.class)
class ProxyFromEnvironmentTest {
    private final TargetServer target;
    private RecordingProxy proxy;

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
        HttpClientConfig config = HttpClientConfig.defaults().withInsecureSkipTlsVerify(true)
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
    void aRefusedProxyFailsTheRequestWithADialError() {
        HttpResponse r = send(Map.of("HTTP_PROXY", "127.0.0.1:1"), "http://target.test:" + target.port() + "/get");

        assertThat(r.status()).isZero();
        assertThat(r.errorCode()).isEqualTo(HttpErrorCodes.TCP_DIAL_REFUSED);
    }
}
