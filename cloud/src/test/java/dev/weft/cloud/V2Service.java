package dev.weft.cloud;

import dev.weft.cloud.account.Principal;
import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.v2.MetricSet;
import dev.weft.cloud.wire.v2.MetricsV2;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A results service on a fresh H2 database with one user's token, and a client that talks to
 * it as k6 v1 does (HTTP/1.1, chunked v2 bodies). For tests of the v2 protocol; closed after
 * each test.
 */
public final class V2Service implements AutoCloseable {
    public final FakeClock clock = new FakeClock(Instant.ofEpochSecond(1_700_000_000L));
    public final ResultsService service;
    public final ApiClient api;
    public final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    public V2Service(Path dir) throws Exception {
        this(dir, false);
    }

    /** With {@code realClock} the service keeps real time (a genuine k6 streams in real time). */
    public V2Service(Path dir, boolean realClock) throws Exception {
        this(ServiceConfig.defaultJdbcUrl(dir), null, null, realClock);
    }

    /** On the database at {@code jdbcUrl} (fresh and empty). */
    public V2Service(String jdbcUrl, String user, String password, boolean realClock) throws Exception {
        ServiceConfig config = ServiceConfig.defaults().withPort(0).withDatabase(jdbcUrl, user, password)
                .withRunTimeout(Duration.ofSeconds(120)).withSweepInterval(Duration.ofHours(1))
                .withPasswordIterations(1000).withBodyLimits(4 << 20, 16 << 20);
        service = ResultsService.start(realClock ? config : config.withClock(clock));
        api = new ApiClient(service.baseUrl());
        Principal p = service.accounts().createUser(service.accounts().organisation("acme"), "k6@example.com", "secret");
        token = service.accounts().createToken(p);
    }

    /** Pushes a set as k6 v1 does: snappy, protobuf, the protocol header, a chunked body. */
    public ApiClient.Response push(String runId, MetricSet set, String batchKey) throws Exception {
        return pushBytes(runId, MetricsV2.encode(set), batchKey, true);
    }

    public ApiClient.Response pushBytes(String runId, byte[] body, String batchKey, boolean snappy) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(service.baseUrl() + MetricsV2.PATH_PREFIX + runId))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .header("Content-Type", MetricsV2.CONTENT_TYPE)
                .header(MetricsV2.PROTOCOL_VERSION_HEADER, MetricsV2.PROTOCOL_VERSION)
                .header(CloudApi.AUTHORIZATION_HEADER, CloudApi.authorization(token));
        if (snappy) {
            b.header("Content-Encoding", MetricsV2.CONTENT_ENCODING);
        }
        if (batchKey != null) {
            b.header(CloudApi.IDEMPOTENCY_KEY_HEADER, batchKey);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new ApiClient.Response(r.statusCode(), r.body());
    }

    /** Any request without following redirects: status, Content-Type and body. */
    public HttpResponse<String> raw(String method, String path, byte[] body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        service.close();
    }
}
