package dev.weft.http;

import dev.weft.target.LocalTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.target.TargetServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalTarget.class)
class VuHttpClientTest {
    private final TargetServer target;
    private final String base;
    private HttpEngine engine;
    private VuHttpClient http;

    VuHttpClientTest(TargetServer target) {
        this.target = target;
        this.base = target.baseUrl();
    }

    @BeforeEach
    void start() {
        engine = new HttpEngine(HttpClientConfig.defaults(), Clock.systemUTC());
        http = engine.newVuClient();
    }

    @AfterEach
    void stop() {
        http.close();
        assertThat(http.idleConnections()).isZero();
    }

    private static int connectionId(HttpResponse r) {
        String body = r.bodyText();
        return Integer.parseInt(body.replaceAll("\\D+", ""));
    }

    @Test
    void twoRequestsShareOneKeepAliveConnection() {
        HttpResponse first = http.send(HttpRequest.get(base + "/connection-id"));
        HttpResponse second = http.send(HttpRequest.get(base + "/connection-id"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(connectionId(second)).isEqualTo(connectionId(first));
        assertThat(second.timings().connecting()).isZero();
        assertThat(http.idleConnections()).isEqualTo(1);
    }

    @Test
    void aSimpleGetReportsStatusProtoHeadersAndRemoteAddress() {
        HttpResponse r = http.send(HttpRequest.get(base + "/get?a=1"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.statusText()).isEqualTo("200 OK");
        assertThat(r.proto()).isEqualTo("HTTP/1.1");
        assertThat(r.headers().first("content-type")).isEqualTo("application/json");
        assertThat(r.remoteIp()).isEqualTo("127.0.0.1");
        assertThat(r.remotePort()).isEqualTo(target.port());
        assertThat(r.tlsVersion()).isEmpty();
        assertThat(r.errorCode()).isZero();
        assertThat(r.error()).isEmpty();
        assertThat(r.bodyText()).contains("\"a\": \"1\"").contains("\"User-Agent\": \"" + HttpClientConfig.DEFAULT_USER_AGENT + "\"");
        assertThat(r.request().requestHeaders().first("Host")).isEqualTo(base.substring("http://".length()));
    }

    @Test
    void aChunkedBodyIsReassembled() {
        HttpResponse r = http.send(HttpRequest.get(base + "/chunked/1234"));

        assertThat(r.headers().first("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(r.body()).hasSize(1234);
        assertThat(r.bodyText()).startsWith("abcdefghijklmnopqrstuvwxyzabc");
        assertThat(http.idleConnections()).isEqualTo(1);
    }

    @Test
    void aCloseDelimitedBodyIsReadToTheEndAndItsConnectionIsNotReused() {
        HttpResponse r = http.send(HttpRequest.get(base + "/close-delimited/5000"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).hasSize(5000);
        assertThat(http.idleConnections()).isZero();
    }

    @Test
    void headAndNoContentAndNotModifiedHaveNoBodyAndKeepTheConnection() {
        HttpResponse head = http.send(HttpRequest.of("HEAD", base + "/get"));
        HttpResponse noContent = http.send(HttpRequest.get(base + "/status/204"));
        HttpResponse notModified = http.send(HttpRequest.get(base + "/status/304"));
        HttpResponse after = http.send(HttpRequest.get(base + "/connection-id"));

        assertThat(head.status()).isEqualTo(200);
        assertThat(Integer.parseInt(head.headers().first("Content-Length"))).isPositive();
        assertThat(head.body()).isEmpty();
        assertThat(noContent.status()).isEqualTo(204);
        assertThat(noContent.body()).isEmpty();
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(after.status()).isEqualTo(200);
        assertThat(http.idleConnections()).isEqualTo(1);
    }

    @Test
    void gzipAndDeflateBodiesAreDecodedTransparently() {
        HttpResponse gzip = http.send(HttpRequest.get(base + "/gzip"));
        HttpResponse deflate = http.send(HttpRequest.get(base + "/deflate"));

        assertThat(gzip.headers().first("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzip.bodyText()).startsWith("{\"gzipped\": true");
        assertThat(deflate.bodyText()).startsWith("{\"deflated\": true");
    }

    @Test
    void aPostSendsItsBodyWithContentLengthAndNoExpect() {
        byte[] body = "{\"k\":\"v\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse r = http.send(HttpRequest.of("POST", base + "/post")
                .withHeader("Content-Type", "application/json").withBody(body));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bodyText()).contains("\"json\": {\"k\":\"v\"}").contains("\"Content-Length\": \"9\"")
                .doesNotContain("Expect");
    }

    @Test
    void aCompressedRequestBodyIsSentWithItsContentEncoding() {
        byte[] body = "a".repeat(1000).getBytes(StandardCharsets.UTF_8);
        HttpResponse r = http.send(HttpRequest.of("POST", base + "/post").withBody(body)
                .withCompression(List.of("gzip")));

        assertThat(r.bodyText()).contains("\"Content-Encoding\": \"gzip\"");
        assertThat(r.request().requestBody().length).isLessThan(100);
    }

    @Test
    void relativeAndAbsoluteRedirectsAreFollowedAndRecordedAsHops() {
        HttpResponse relative = http.send(HttpRequest.get(base + "/relative-redirect/3"));
        HttpResponse absolute = http.send(HttpRequest.get(base + "/redirect/2"));

        assertThat(relative.status()).isEqualTo(200);
        assertThat(relative.url()).isEqualTo(base + "/get");
        assertThat(relative.roundTrips()).extracting(RoundTrip::status).containsExactly(302, 302, 302, 200);
        assertThat(relative.roundTrips()).extracting(RoundTrip::url).containsExactly(
                base + "/relative-redirect/3", base + "/relative-redirect/2", base + "/relative-redirect/1",
                base + "/get");
        assertThat(absolute.roundTrips()).hasSize(3);
        assertThat(absolute.redirectLimitReached()).isFalse();
    }

    @Test
    void reachingTheRedirectLimitReturnsTheLastRedirectAsK6Does() {
        HttpResponse r = http.send(HttpRequest.get(base + "/redirect/5").withMaxRedirects(2));

        assertThat(r.status()).isEqualTo(302);
        assertThat(r.redirectLimitReached()).isTrue();
        assertThat(r.roundTrips()).hasSize(3);
        assertThat(r.headers().first("Location")).endsWith("/redirect/2");
    }

    @Test
    void seeOtherTurnsAPostIntoAGetWhileTemporaryRedirectKeepsMethodAndBody() {
        byte[] body = "payload".getBytes(StandardCharsets.UTF_8);
        HttpResponse seeOther = http.send(HttpRequest.of("POST",
                base + "/redirect-to?url=/anything&status_code=303").withBody(body));
        HttpResponse temporary = http.send(HttpRequest.of("POST",
                base + "/redirect-to?url=/anything&status_code=307").withBody(body));

        assertThat(seeOther.bodyText()).contains("\"method\": \"GET\"").contains("\"data\": \"\"");
        assertThat(temporary.bodyText()).contains("\"method\": \"POST\"").contains("\"data\": \"payload\"");
    }

    @Test
    void aRequestThatOutlivesItsTimeoutFailsWithCode1050() {
        HttpResponse r = http.send(HttpRequest.get(base + "/delay/3").withTimeout(Duration.ofMillis(200)));

        assertThat(r.status()).isZero();
        assertThat(r.errorCode()).isEqualTo(HttpErrorCodes.REQUEST_TIMEOUT);
        assertThat(r.error()).isEqualTo("request timeout");
        assertThat(r.timings().waiting()).isBetween(150.0, 2000.0);
        assertThat(http.idleConnections()).isZero();
    }

    @Test
    void aClosedPortFailsWithConnectionRefused1212() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HttpResponse r = http.send(HttpRequest.get("http://127.0.0.1:" + port + "/"));

        assertThat(r.status()).isZero();
        assertThat(r.errorCode()).isEqualTo(HttpErrorCodes.TCP_DIAL_REFUSED);
        assertThat(r.error()).isEqualTo("dial: connection refused");
        assertThat(r.roundTrips()).hasSize(1);
    }

    @Test
    void anUnknownHostFailsWithADnsCodeWithoutAskingTheNetwork() {
        HttpResponse r = http.send(HttpRequest.get("http://nowhere.invalid/"));

        assertThat(r.errorCode()).isEqualTo(HttpErrorCodes.DNS_NO_SUCH_HOST);
        assertThat(r.error()).isEqualTo("lookup: no such host");
    }

    @Test
    void hostsOverridesSendANameToAChosenAddressAndKeepTheHostHeader() {
        HttpEngine overridden = new HttpEngine(HttpClientConfig.defaults()
                .withHosts(Map.of("target.invalid", "127.0.0.1:" + target.port())), Clock.systemUTC());
        try (VuHttpClient client = overridden.newVuClient()) {
            HttpResponse r = client.send(HttpRequest.get("http://target.invalid/headers"));

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyText()).contains("\"Host\": \"target.invalid\"");
        }
    }

    @Test
    void anInvalidUrlFailsWithCode1020AndSendsNothing() {
        HttpResponse r = http.send(HttpRequest.get("ftp://example.invalid/"));

        assertThat(r.errorCode()).isEqualTo(HttpErrorCodes.INVALID_URL);
        assertThat(r.roundTrips()).isEmpty();
    }

    @Test
    void anErrorStatusCarriesK6sHttpErrorCode() {
        HttpResponse r = http.send(HttpRequest.get(base + "/status/404"));

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorCode()).isEqualTo(1404);
        assertThat(r.error()).isEmpty();
    }

    @Test
    void aTlsRequestThatOutlivesItsTimeoutFailsWithCode1050AndTheNextRequestWorks() {
        HttpEngine insecure = new HttpEngine(HttpClientConfig.defaults().withInsecureSkipTlsVerify(true),
                Clock.systemUTC());
        try (VuHttpClient client = insecure.newVuClient()) {
            HttpResponse slow = client.send(HttpRequest.get(target.httpsBaseUrl() + "/delay/3")
                    .withTimeout(Duration.ofMillis(300)));
            HttpResponse next = client.send(HttpRequest.get(target.httpsBaseUrl() + "/get"));

            assertThat(slow.errorCode()).isEqualTo(HttpErrorCodes.REQUEST_TIMEOUT);
            assertThat(slow.timings().duration()).isBetween(150.0, 2_500.0); // connecting and TLS are outside duration
            assertThat(next.status()).isEqualTo(200);
        }
    }

    @Test
    void tlsWithInsecureSkipVerifyReportsVersionAndCipher() {
        HttpEngine insecure = new HttpEngine(HttpClientConfig.defaults().withInsecureSkipTlsVerify(true),
                Clock.systemUTC());
        try (VuHttpClient client = insecure.newVuClient()) {
            HttpResponse first = client.send(HttpRequest.get(target.httpsBaseUrl() + "/get"));
            HttpResponse second = client.send(HttpRequest.get(target.httpsBaseUrl() + "/get"));

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.tlsVersion()).isEqualTo("tls1.3");
            assertThat(first.tlsCipherSuite()).startsWith("TLS_");
            assertThat(first.timings().tlsHandshaking()).isPositive();
            assertThat(first.bodyText()).contains("\"url\": \"https://");
            assertThat(second.timings().tlsHandshaking()).isZero();
            assertThat(client.idleConnections()).isEqualTo(1);
        }
    }

    @Test
    void tlsVersionLimitsAreHonoured() {
        HttpEngine tls12 = new HttpEngine(HttpClientConfig.defaults().withInsecureSkipTlsVerify(true)
                .withTlsVersions(TlsVersion.TLS1_2, TlsVersion.TLS1_2), Clock.systemUTC());
        try (VuHttpClient client = tls12.newVuClient()) {
            HttpResponse r = client.send(HttpRequest.get(target.httpsBaseUrl() + "/get"));

            assertThat(r.tlsVersion()).isEqualTo("tls1.2");
        }
    }

    @Test
    void tlsWithAnUntrustedCertificateFailsWithATlsCode() {
        HttpResponse r = http.send(HttpRequest.get(target.httpsBaseUrl() + "/get"));

        assertThat(r.status()).isZero();
        assertThat(r.errorCode()).isEqualTo(HttpErrorCodes.X509_UNKNOWN_AUTHORITY);
        assertThat(r.error()).isEqualTo("x509: unknown authority");
    }

    @Test
    void credentialsInTheUrlAreSentAsBasicAuth() {
        HttpResponse ok = http.send(HttpRequest.get(base.replace("://", "://bob:s3cret@") + "/basic-auth/bob/s3cret"));
        HttpResponse wrong = http.send(HttpRequest.get(base.replace("://", "://bob:nope@") + "/basic-auth/bob/s3cret"));

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.bodyText()).contains("\"authenticated\": true");
        assertThat(wrong.status()).isEqualTo(401);
    }

    @Test
    void digestAuthAnswersTheChallengeInASecondRoundTrip() {
        HttpResponse r = http.send(HttpRequest.get(base.replace("://", "://bob:s3cret@")
                + "/digest-auth/auth/bob/s3cret").withAuth(AuthMode.DIGEST));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.roundTrips()).extracting(RoundTrip::status).containsExactly(401, 200);
        assertThat(r.roundTrips().get(0).authChallenge()).isTrue();
        assertThat(r.request().requestHeaders().first("Authorization")).startsWith("Digest username=\"bob\"");
    }

    @Test
    void cookiesSetDuringRedirectsAreStoredAndSentToTheNextHop() {
        CookieJar jar = engine.newCookieJar();
        HttpResponse r = http.send(HttpRequest.get(base + "/cookies/set?flavour=oat&size=big"), jar);

        assertThat(r.url()).isEqualTo(base + "/cookies");
        assertThat(r.bodyText()).contains("\"flavour\": \"oat\"").contains("\"size\": \"big\"");
        assertThat(jar.cookiesForUrl(base + "/")).containsEntry("flavour", List.of("oat"));
    }

    @Test
    void requestCookiesJoinOrReplaceTheJarsCookies() {
        CookieJar jar = engine.newCookieJar();
        jar.set(base + "/", new SetCookie("a", "jar", "", "/", null, null, false, false, ""));
        jar.set(base + "/", new SetCookie("b", "jar", "", "/", null, null, false, false, ""));
        HttpResponse r = http.send(HttpRequest.get(base + "/cookies").withCookies(List.of(
                new RequestCookie("a", "mine", true), new RequestCookie("c", "extra", false))), jar);

        assertThat(r.bodyText()).contains("\"a\": \"mine\"").contains("\"b\": \"jar\"").contains("\"c\": \"extra\"");
    }

    @Test
    void withoutConnectionReuseEveryRequestDialsAgain() {
        HttpEngine noReuse = new HttpEngine(HttpClientConfig.defaults().withConnectionReuse(true, false),
                Clock.systemUTC());
        try (VuHttpClient client = noReuse.newVuClient()) {
            int a = connectionId(client.send(HttpRequest.get(base + "/connection-id")));
            int b = connectionId(client.send(HttpRequest.get(base + "/connection-id")));

            assertThat(b).isNotEqualTo(a);
            assertThat(client.idleConnections()).isZero();
        }
    }

    @Test
    void withoutVuConnectionReuseConnectionsCloseAtIterationEnd() {
        HttpEngine noVuReuse = new HttpEngine(HttpClientConfig.defaults().withConnectionReuse(false, true),
                Clock.systemUTC());
        try (VuHttpClient client = noVuReuse.newVuClient()) {
            int a = connectionId(client.send(HttpRequest.get(base + "/connection-id")));
            int sameIteration = connectionId(client.send(HttpRequest.get(base + "/connection-id")));
            client.endIteration();
            int nextIteration = connectionId(client.send(HttpRequest.get(base + "/connection-id")));

            assertThat(sameIteration).isEqualTo(a);
            assertThat(nextIteration).isNotEqualTo(a);
        }
    }

    @Test
    void phasesAreNeverNegativeAndDurationIsSendingPlusWaitingPlusReceiving() {
        for (String path : List.of("/get", "/bytes/200000", "/chunked/5000", "/redirect/1")) {
            HttpResponse r = http.send(HttpRequest.get(base + path));
            for (RoundTrip trip : r.roundTrips()) {
                HttpTimings t = trip.timings();
                assertThat(List.of(t.blocked(), t.connecting(), t.tlsHandshaking(), t.sending(), t.waiting(),
                        t.receiving())).allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(0.0));
                assertThat(t.duration()).isCloseTo(t.sending() + t.waiting() + t.receiving(),
                        org.assertj.core.data.Offset.offset(1e-9));
                assertThat(t.blocked()).isGreaterThanOrEqualTo(t.connecting());
                assertThat(trip.bytesSent()).isPositive();
                assertThat(trip.bytesReceived()).isPositive();
            }
        }
    }

    @Test
    void discardingTheBodyStillDrainsItSoTheConnectionIsReused() {
        HttpResponse r = http.send(HttpRequest.get(base + "/bytes/50000").withResponseType(ResponseType.NONE));
        HttpResponse next = http.send(HttpRequest.get(base + "/get"));

        assertThat(r.body()).isEmpty();
        assertThat(r.roundTrips().get(0).bytesReceived()).isGreaterThan(50000);
        assertThat(next.timings().connecting()).isZero();
    }

    @Test
    void aBatchRunsInParallelKeepsOrderAndReturnsConnectionsToThePool() {
        http.send(HttpRequest.get(base + "/get"));
        List<HttpRequest> requests = List.of(
                HttpRequest.get(base + "/delay/0.3"), HttpRequest.get(base + "/delay/0.3"),
                HttpRequest.get(base + "/status/201"), HttpRequest.get("http://nowhere.invalid/"));

        List<HttpResponse> responses = http.sendAll(requests, engine.newCookieJar(), 20);

        assertThat(responses).extracting(HttpResponse::status).containsExactly(200, 200, 201, 0);
        assertThat(responses.get(3).errorCode()).isEqualTo(HttpErrorCodes.DNS_NO_SUCH_HOST);
        assertThat(http.idleConnections()).isEqualTo(3);
    }
}
