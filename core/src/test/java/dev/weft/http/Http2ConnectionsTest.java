package dev.weft.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.target.LocalTarget;
import dev.weft.target.TargetServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * HTTP/2 connections belong to the VU, as in k6: checked on the server side through the target's
 * {@code /connection-id} (which h2 connection carried the request), and by counting the JDK
 * client's platform threads ("HttpClient-N-SelectorManager").
 */
@ExtendWith(LocalTarget.class)
class Http2ConnectionsTest {
    private final String h2;

    Http2ConnectionsTest(TargetServer target) {
        this.h2 = target.h2BaseUrl();
    }

    private static HttpEngine engine(boolean noConnectionReuse, boolean noVuConnectionReuse) {
        return new HttpEngine(HttpClientConfig.defaults().withInsecureSkipTlsVerify(true)
                .withConnectionReuse(noConnectionReuse, noVuConnectionReuse), Clock.systemUTC());
    }

    private int connectionId(VuHttpClient http) {
        HttpResponse r = http.send(HttpRequest.get(h2 + "/connection-id"));
        assertThat(r.error()).isEmpty();
        assertThat(r.proto()).isEqualTo("HTTP/2.0");
        return Integer.parseInt(r.bodyText().replaceAll("\\D+", ""));
    }

    /** The JDK HTTP clients' live platform threads. */
    private static Set<Thread> httpClientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("HttpClient-")).collect(Collectors.toSet());
    }

    /** Threads started since {@code before} and still alive (other tests' threads may end meanwhile). */
    private static Set<Thread> newHttpClientThreads(Set<Thread> before) {
        Set<Thread> now = httpClientThreads();
        now.removeAll(before);
        return now;
    }

    @Test
    void twoVusTalkingToOneH2OriginUseTwoConnections() {
        HttpEngine engine = engine(false, false);
        try (VuHttpClient first = engine.newVuClient(); VuHttpClient second = engine.newVuClient()) {
            int a = connectionId(first);
            int b = connectionId(second);

            assertThat(b).isNotEqualTo(a);
        }
    }

    @Test
    void oneVusConsecutiveRequestsReuseItsConnection() {
        try (VuHttpClient http = engine(false, false).newVuClient()) {
            int a = connectionId(http);
            http.endIteration();
            int b = connectionId(http);
            int c = connectionId(http);

            assertThat(List.of(b, c)).containsOnly(a);
        }
    }

    @Test
    void withoutVuConnectionReuseEachIterationGetsANewConnectionAndProbesAgain() {
        try (VuHttpClient http = engine(false, true).newVuClient()) {
            int a = connectionId(http);
            int sameIteration = connectionId(http);
            http.endIteration();
            HttpResponse probed = http.send(HttpRequest.get(h2 + "/get"));
            int nextIteration = connectionId(http);

            assertThat(sameIteration).isEqualTo(a);
            assertThat(nextIteration).isNotEqualTo(a);
            assertThat(probed.proto()).isEqualTo("HTTP/2.0");
            assertThat(probed.timings().tlsHandshaking()).isPositive();
        }
    }

    @Test
    void withoutConnectionReuseEveryRequestGetsANewConnection() {
        Set<Thread> before = httpClientThreads();
        try (VuHttpClient http = engine(true, false).newVuClient()) {
            int a = connectionId(http);
            int b = connectionId(http);
            int c = connectionId(http);

            assertThat(List.of(a, b, c)).doesNotHaveDuplicates();
        }
        assertThat(newHttpClientThreads(before)).isEmpty();
    }

    @Test
    void aBatchFromOneVuSharesItsH2Connection() {
        try (VuHttpClient http = engine(false, false).newVuClient()) {
            int a = connectionId(http);
            List<HttpRequest> requests = Collections.nCopies(6, HttpRequest.get(h2 + "/connection-id"));
            List<HttpResponse> responses = http.sendAll(requests, null, 6);

            assertThat(responses).allSatisfy(r -> {
                assertThat(r.proto()).isEqualTo("HTTP/2.0");
                assertThat(Integer.parseInt(r.bodyText().replaceAll("\\D+", ""))).isEqualTo(a);
            });
        }
    }

    @Test
    void eachVuSpeakingH2HasItsOwnClientThreadAndClosingTheVusLeavesNoneBehind() {
        Set<Thread> before = httpClientThreads();
        HttpEngine engine = engine(false, false);
        List<VuHttpClient> vus = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            VuHttpClient vu = engine.newVuClient();
            vus.add(vu);
            connectionId(vu);
        }
        Set<Thread> during = newHttpClientThreads(before);
        vus.forEach(VuHttpClient::close);
        engine.close();

        assertThat(during).as("one selector thread per VU").hasSize(4)
                .allSatisfy(t -> assertThat(t.getName()).endsWith("-SelectorManager"));
        assertThat(newHttpClientThreads(before)).isEmpty();
    }

    @Test
    void aVuThatNeverSpeaksH2StartsNoHttp2Client(TargetServer target) {
        Set<Thread> before = httpClientThreads();
        try (VuHttpClient http = engine(false, false).newVuClient()) {
            HttpResponse plain = http.send(HttpRequest.get(target.baseUrl() + "/get"));
            HttpResponse tls = http.send(HttpRequest.get(target.httpsBaseUrl() + "/get"));

            assertThat(plain.proto()).isEqualTo("HTTP/1.1");
            assertThat(tls.proto()).isEqualTo("HTTP/1.1");
            assertThat(newHttpClientThreads(before)).isEmpty();
        }
    }
}
