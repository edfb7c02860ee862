package dev.weft.output.cloud;

import com.google.gson.JsonParseException;
import dev.weft.cloud.wire.ApiError;
import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.CreateTestRunResponse;
import dev.weft.cloud.wire.LogBatch;
import dev.weft.cloud.wire.LoginRequest;
import dev.weft.cloud.wire.LoginResponse;
import dev.weft.cloud.wire.TestFinishedRequest;
import dev.weft.cloud.wire.TestRunRequest;
import dev.weft.cloud.wire.ValidateTokenRequest;
import dev.weft.cloud.wire.ValidateTokenResponse;
import dev.weft.cloud.wire.WireJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * k6 cloud API calls (v1 JSON for runs and logins, v2 protobuf bodies for metrics) over the
 * JDK HttpClient (the rate is about one request a second, so nothing faster is needed).
 * Blocking; called from the output's own virtual threads and from {@link CloudLogin}.
 * Thread-safe.
 */
public final class CloudApiClient implements AutoCloseable {
    private final HttpClient http;
    private final String host;
    private final String token;
    private final Duration timeout;

    public CloudApiClient(String host, String token, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1).build();
        this.host = CloudConfig.stripSlash(host);
        this.token = token;
        this.timeout = timeout;
    }

    public CreateTestRunResponse createTestRun(TestRunRequest run) throws IOException, CloudRequestException {
        return createTestRun(run, SharedRun.none());
    }

    /** Creates a run, or with a run key creates or joins the shared run of that key. */
    public CreateTestRunResponse createTestRun(TestRunRequest run, SharedRun shared)
            throws IOException, CloudRequestException {
        HttpRequest.Builder b = request(CloudApi.TESTS_PATH);
        if (shared.runKey() != null) {
            b.header(CloudApi.RUN_KEY_HEADER, shared.runKey()).header(CloudApi.INSTANCE_HEADER, shared.instanceId());
            if (shared.instances() != null) {
                b.header(CloudApi.INSTANCES_HEADER, shared.instances().toString());
            }
        }
        HttpRequest request = b.POST(HttpRequest.BodyPublishers.ofString(WireJson.GSON.toJson(run))).build();
        CreateTestRunResponse r = send(request, CreateTestRunResponse.class);
        if (r == null || r.referenceId() == null || r.referenceId().isBlank()) {
            throw new IOException("the service at " + host + " created no test run (no reference_id)");
        }
        return r;
    }

    /**
     * Sends one encoded batch under its batch id (the k6-Idempotency-Key); returns the answer's
     * body (empty when there is none), which may say what the service stored.
     */
    public String pushMetrics(Batch batch) throws IOException, CloudRequestException {
        HttpRequest.Builder b = request(batch.path()).header(CloudApi.IDEMPOTENCY_KEY_HEADER, batch.id());
        batch.headers().forEach(b::setHeader);
        return send(b.POST(HttpRequest.BodyPublishers.ofByteArray(batch.body())).build());
    }

    /** Pushes log lines of a run (Weft's extension; a service without it answers 404). */
    public LogBatch.Answer pushLogs(String referenceId, LogBatch batch) throws IOException, CloudRequestException {
        LogBatch.Answer answer = send(json(CloudApi.TEST_PATH_PREFIX + referenceId + CloudApi.LOGS_SUFFIX, batch),
                LogBatch.Answer.class);
        return answer != null ? answer : new LogBatch.Answer(batch.lines().size(), 0, 0);
    }

    public void finish(String referenceId, TestFinishedRequest result) throws IOException, CloudRequestException {
        send(json(CloudApi.TEST_PATH_PREFIX + referenceId, result), null);
    }

    /** Finishes one instance's part of a shared run; the service ends the run after the last. */
    public void finish(String referenceId, TestFinishedRequest result, String instanceId)
            throws IOException, CloudRequestException {
        send(request(CloudApi.TEST_PATH_PREFIX + referenceId).header(CloudApi.INSTANCE_HEADER, instanceId)
                .POST(HttpRequest.BodyPublishers.ofString(WireJson.GSON.toJson(result))).build(), null);
    }

    public LoginResponse login(String email, String password) throws IOException, CloudRequestException {
        return send(json(CloudApi.LOGIN_PATH, new LoginRequest(email, password)), LoginResponse.class);
    }

    public ValidateTokenResponse validateToken() throws IOException, CloudRequestException {
        return send(json(CloudApi.VALIDATE_TOKEN_PATH, new ValidateTokenRequest(token)), ValidateTokenResponse.class);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(host + path)).timeout(timeout)
                .header("Content-Type", "application/json").header("User-Agent", "weft-cloud-output");
        if (token != null) {
            b.header(CloudApi.AUTHORIZATION_HEADER, CloudApi.authorization(token));
        }
        return b;
    }

    private HttpRequest json(String path, Object body) {
        return request(path).POST(HttpRequest.BodyPublishers.ofString(WireJson.GSON.toJson(body))).build();
    }

    private String send(HttpRequest request) throws IOException, CloudRequestException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while talking to " + host, e);
        } catch (IOException e) {
            throw Unreachable.explain(e, request.uri(), timeout);
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw error(status, response.body());
        }
        return response.body() == null ? "" : response.body();
    }

    private <T> T send(HttpRequest request, Class<T> type) throws IOException, CloudRequestException {
        String body = send(request);
        if (type == null) {
            return null;
        }
        try {
            return WireJson.GSON.fromJson(body, type);
        } catch (JsonParseException e) {
            throw new IOException("unreadable answer from " + host + ": " + e.getMessage(), e);
        }
    }

    private static CloudRequestException error(int status, String body) {
        try {
            ApiError e = WireJson.GSON.fromJson(body, ApiError.class);
            if (e != null && e.error() != null && e.error().message() != null) {
                return new CloudRequestException(status, e.error().code(), e.error().message());
            }
        } catch (JsonParseException ignored) {
            // not the API's error shape; say what we can
        }
        String text = body == null || body.isBlank() ? "no details" : body.substring(0, Math.min(200, body.length()));
        return new CloudRequestException(status, 0, text);
    }

    @Override
    public void close() {
        http.close();
    }
}
