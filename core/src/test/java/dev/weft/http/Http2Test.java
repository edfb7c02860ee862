package dev.weft.http;

import dev.weft.target.LocalTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.target.TargetServer;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalTarget.class)
class Http2Test {
    private final TargetServer target;
    private HttpEngine engine;
    private VuHttpClient http;

    Http2Test(TargetServer target) {
        this.target = target;
    }

    @BeforeEach
    void start() {
        engine = new HttpEngine(HttpClientConfig.defaults().withInsecureSkipTlsVerify(true), Clock.systemUTC());
        http = engine.newVuClient();
    }

    @AfterEach
    void stop() {
        http.close();
        engine.close();
    }

    @Test
    void aServerChoosingH2ByAlpnIsSpokenToInHttp2() {
        HttpResponse r = http.send(HttpRequest.get(target.h2BaseUrl() + "/get?a=1"));

        assertThat(r.error()).isEmpty();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.proto()).isEqualTo("HTTP/2.0");
        assertThat(r.statusText()).isEqualTo("200 OK");
        assertThat(r.headers().first("Content-Type")).isEqualTo("application/json");
        assertThat(r.bodyText()).contains("\"a\": \"1\"");
        assertThat(r.tlsVersion()).startsWith("tls1.");
        assertThat(r.remoteIp()).isEqualTo("127.0.0.1");
        assertThat(r.request().bytesSent()).isPositive();
        assertThat(r.request().bytesReceived()).isGreaterThan(r.body().length);
    }

    @Test
    void theProbeConnectionTimesTheFirstRequestAndLaterOnesHaveNoConnectPhases() {
        HttpResponse first = http.send(HttpRequest.get(target.h2BaseUrl() + "/get"));
        HttpResponse second = http.send(HttpRequest.get(target.h2BaseUrl() + "/get"));

        assertThat(first.timings().tlsHandshaking()).isPositive();
        assertThat(first.timings().connecting()).isPositive();
        assertThat(first.timings().waiting()).isPositive();
        assertThat(second.proto()).isEqualTo("HTTP/2.0");
        assertThat(second.timings().connecting()).isZero();
        assertThat(second.timings().tlsHandshaking()).isZero();
        assertThat(second.timings().blocked()).isZero();
        assertThat(second.timings().duration())
                .isEqualTo(second.timings().sending() + second.timings().waiting() + second.timings().receiving());
        assertThat(http.idleConnections()).isZero();
    }

    @Test
    void errorStatusesAndRedirectsWorkOverHttp2() {
        HttpResponse teapot = http.send(HttpRequest.get(target.h2BaseUrl() + "/status/418"));
        HttpResponse redirected = http.send(HttpRequest.get(target.h2BaseUrl() + "/redirect/2"));

        assertThat(teapot.status()).isEqualTo(418);
        assertThat(teapot.errorCode()).isEqualTo(1418);
        assertThat(teapot.proto()).isEqualTo("HTTP/2.0");
        assertThat(redirected.status()).isEqualTo(200);
        assertThat(redirected.roundTrips()).hasSize(3).allSatisfy(t -> assertThat(t.proto()).isEqualTo("HTTP/2.0"));
    }

    @Test
    void aPostBodyReachesTheServerOverHttp2() {
        HttpResponse r = http.send(HttpRequest.of("POST", target.h2BaseUrl() + "/post")
                .withHeader("Content-Type", "text/plain").withBody("hello h2".getBytes()));

        assertThat(r.proto()).isEqualTo("HTTP/2.0");
        assertThat(r.bodyText()).contains("hello h2");
    }

    @Test
    void plainHttpAndTlsWithoutAlpnStayOnHttp11() {
        HttpResponse plain = http.send(HttpRequest.get(target.baseUrl() + "/get"));
        HttpResponse tls = http.send(HttpRequest.get(target.httpsBaseUrl() + "/get"));

        assertThat(plain.proto()).isEqualTo("HTTP/1.1");
        assertThat(tls.proto()).isEqualTo("HTTP/1.1");
        assertThat(tls.tlsVersion()).startsWith("tls1.");
    }
}
