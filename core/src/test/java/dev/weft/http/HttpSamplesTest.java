package dev.weft.http;

import dev.weft.target.LocalTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.target.TargetServer;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalTarget.class)
class HttpSamplesTest {
    private final String base;
    private final TargetServer target;
    private final HttpEngine engine = new HttpEngine(HttpClientConfig.defaults(), Clock.systemUTC());
    private final VuHttpClient http = engine.newVuClient();
    private final RecordingSink sink = new RecordingSink();
    private final Tags scenarioTags = Tags.of("scenario", "default", "group", "");

    HttpSamplesTest(TargetServer target) {
        this.target = target;
        this.base = target.baseUrl();
    }

    @AfterEach
    void stop() {
        http.close();
    }

    @Test
    void aSuccessfulRequestProducesK6sTenSamplesWithSystemTags() {
        HttpResponse r = http.send(HttpRequest.get(base + "/get"));
        HttpSamples.emit(r, scenarioTags, ExpectedStatuses.defaults(), sink);

        assertThat(sink.samples).extracting(Sample::metric).containsExactly(
                BuiltinMetrics.HTTP_REQS, BuiltinMetrics.HTTP_REQ_DURATION, BuiltinMetrics.HTTP_REQ_BLOCKED,
                BuiltinMetrics.HTTP_REQ_CONNECTING, BuiltinMetrics.HTTP_REQ_TLS_HANDSHAKING,
                BuiltinMetrics.HTTP_REQ_SENDING, BuiltinMetrics.HTTP_REQ_WAITING, BuiltinMetrics.HTTP_REQ_RECEIVING,
                BuiltinMetrics.HTTP_REQ_FAILED, BuiltinMetrics.DATA_SENT, BuiltinMetrics.DATA_RECEIVED);
        Tags tags = sink.of(BuiltinMetrics.HTTP_REQS).get(0).tags();
        assertThat(tags.map()).containsEntry("method", "GET").containsEntry("url", base + "/get")
                .containsEntry("name", base + "/get").containsEntry("status", "200")
                .containsEntry("proto", "HTTP/1.1").containsEntry("expected_response", "true")
                .containsEntry("scenario", "default").containsEntry("group", "")
                .doesNotContainKeys("error_code", "error", "tls_version");
        assertThat(sink.of(BuiltinMetrics.HTTP_REQ_FAILED).get(0).value()).isZero();
        assertThat(sink.of(BuiltinMetrics.HTTP_REQ_DURATION).get(0).value()).isEqualTo(r.timings().duration());
        assertThat(sink.of(BuiltinMetrics.DATA_RECEIVED).get(0).value())
                .isEqualTo(r.roundTrips().get(0).bytesReceived()).isGreaterThan(r.body().length);
        assertThat(sink.of(BuiltinMetrics.DATA_SENT).get(0).tags()).isEqualTo(scenarioTags);
    }

    @Test
    void anUnexpectedStatusIsAFailedRequestWithItsErrorCode() {
        HttpSamples.emit(http.send(HttpRequest.get(base + "/status/503")), scenarioTags,
                ExpectedStatuses.defaults(), sink);

        Sample failed = sink.of(BuiltinMetrics.HTTP_REQ_FAILED).get(0);
        assertThat(failed.value()).isEqualTo(1);
        assertThat(failed.tags().map()).containsEntry("status", "503").containsEntry("error_code", "1503")
                .containsEntry("expected_response", "false");
    }

    @Test
    void aNetworkFailureIsTaggedWithStatusZeroAndItsError() {
        HttpSamples.emit(http.send(HttpRequest.get("http://nowhere.invalid/x")), scenarioTags,
                ExpectedStatuses.defaults(), sink);

        Tags tags = sink.of(BuiltinMetrics.HTTP_REQS).get(0).tags();
        assertThat(tags.map()).containsEntry("status", "0").containsEntry("error_code", "1101")
                .containsEntry("error", "lookup: no such host").doesNotContainKey("proto");
    }

    @Test
    void everyRedirectHopIsMeasuredSeparately() {
        HttpSamples.emit(http.send(HttpRequest.get(base + "/redirect/2")), scenarioTags,
                ExpectedStatuses.defaults(), sink);

        assertThat(sink.of(BuiltinMetrics.HTTP_REQS)).extracting(s -> s.tags().get("url"))
                .containsExactly(base + "/redirect/2", base + "/redirect/1", base + "/get");
        assertThat(sink.of(BuiltinMetrics.DATA_SENT)).hasSize(1);
    }

    @Test
    void aNameTagGroupsUrlsAndReplacesTheUrlTag() {
        HttpSamples.emit(http.send(HttpRequest.get(base + "/bytes/10?seed=1")), scenarioTags.with("name", "bytes"),
                ExpectedStatuses.defaults(), sink);

        Tags tags = sink.of(BuiltinMetrics.HTTP_REQS).get(0).tags();
        assertThat(tags.get("name")).isEqualTo("bytes");
        assertThat(tags.get("url")).isEqualTo("bytes");
        assertThat(sink.of(BuiltinMetrics.DATA_SENT).get(0).tags().map()).doesNotContainKey("name");
    }

    @Test
    void theDigestChallengeCountsAsExpected() {
        HttpResponse r = http.send(HttpRequest.get(base.replace("://", "://u:p@") + "/digest-auth/auth/u/p")
                .withAuth(AuthMode.DIGEST));
        HttpSamples.emit(r, scenarioTags, ExpectedStatuses.defaults(), sink);

        assertThat(sink.of(BuiltinMetrics.HTTP_REQ_FAILED)).extracting(Sample::value).containsExactly(0.0, 0.0);
        assertThat(sink.of(BuiltinMetrics.HTTP_REQS)).extracting(s -> s.tags().get("url"))
                .allSatisfy(url -> assertThat(url).startsWith("http://****:****@"));
    }

    @Test
    void tlsRequestsAreTaggedWithTheirVersion() {
        HttpEngine insecure = new HttpEngine(HttpClientConfig.defaults().withInsecureSkipTlsVerify(true),
                Clock.systemUTC());
        try (VuHttpClient client = insecure.newVuClient()) {
            HttpSamples.emit(client.send(HttpRequest.get(target.httpsBaseUrl() + "/get")), scenarioTags,
                    ExpectedStatuses.defaults(), sink);
        }

        assertThat(sink.of(BuiltinMetrics.HTTP_REQS).get(0).tags().get("tls_version")).isEqualTo("tls1.3");
        assertThat(sink.of(BuiltinMetrics.HTTP_REQ_TLS_HANDSHAKING).get(0).value()).isPositive();
    }

    @Test
    void withoutAResponseCallbackThereIsNoFailedRateAndNoExpectedTag() {
        HttpSamples.emit(http.send(HttpRequest.get(base + "/get")), scenarioTags, null, sink);

        assertThat(sink.of(BuiltinMetrics.HTTP_REQ_FAILED)).isEmpty();
        assertThat(sink.of(BuiltinMetrics.HTTP_REQS).get(0).tags().map()).doesNotContainKey("expected_response");
    }

    @Test
    void customExpectedStatusesDecideWhatFails() {
        ExpectedStatuses only404 = ExpectedStatuses.of(404);
        HttpSamples.emit(http.send(HttpRequest.get(base + "/status/404")), Tags.EMPTY, only404, sink);
        HttpSamples.emit(http.send(HttpRequest.get(base + "/get")), Tags.EMPTY, only404, sink);

        assertThat(sink.of(BuiltinMetrics.HTTP_REQ_FAILED)).extracting(Sample::value).isEqualTo(List.of(0.0, 1.0));
    }
}
