package dev.weft.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.target.LocalTarget;
import dev.weft.target.TargetServer;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalTarget.class)
class HttpEngineTest {
    private final TargetServer target;

    HttpEngineTest(TargetServer target) {
        this.target = target;
    }

    @Test
    void plainHttpRequestsNeverMakeTheTlsContext() {
        HttpEngine engine = new HttpEngine(HttpClientConfig.defaults(), Clock.systemUTC());
        try (VuHttpClient client = engine.newVuClient()) {
            HttpResponse r = client.send(HttpRequest.get(target.baseUrl() + "/get"));

            assertThat(r.status()).isEqualTo(200);
            assertThat(engine.tlsContextMade()).isFalse();
        }
    }

    @Test
    void theFirstHttpsRequestMakesTheTlsContextThatEveryVuThenShares() {
        HttpEngine engine = new HttpEngine(HttpClientConfig.defaults().withInsecureSkipTlsVerify(true),
                Clock.systemUTC());
        assertThat(engine.tlsContextMade()).isFalse();
        try (VuHttpClient first = engine.newVuClient(); VuHttpClient second = engine.newVuClient()) {
            HttpResponse a = first.send(HttpRequest.get(target.httpsBaseUrl() + "/get"));
            var made = engine.tls();
            HttpResponse b = second.send(HttpRequest.get(target.httpsBaseUrl() + "/get"));

            assertThat(a.status()).isEqualTo(200);
            assertThat(b.status()).isEqualTo(200);
            assertThat(b.tlsVersion()).isEqualTo("tls1.3");
            assertThat(engine.tls()).isSameAs(made);
        }
    }
}
