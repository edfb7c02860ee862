package dev.weft.cloud.api;

import com.google.gson.JsonParseException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.weft.cloud.account.AccountStore;
import dev.weft.cloud.account.PasswordLogin;
import dev.weft.cloud.account.Principal;
import dev.weft.cloud.http.ApiException;
import dev.weft.cloud.logs.LogRoutes;
import dev.weft.cloud.http.Failures;
import dev.weft.cloud.http.RequestBodies;
import dev.weft.cloud.http.Responses;
import dev.weft.cloud.run.RunJoin;
import dev.weft.cloud.run.RunService;
import dev.weft.cloud.run.TestRun;
import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.LoginRequest;
import dev.weft.cloud.wire.LoginResponse;
import dev.weft.cloud.wire.TestFinishedRequest;
import dev.weft.cloud.wire.TestRunRequest;
import dev.weft.cloud.wire.ValidateTokenRequest;
import dev.weft.cloud.wire.ValidateTokenResponse;
import dev.weft.cloud.wire.WireJson;
import dev.weft.cloud.wire.WireSample;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * The {@code /v1/} API k6's cloud output and {@code k6 login cloud} call, and Weft's log push
 * ({@code POST /v1/tests/{id}/logs}, see {@link LogRoutes}). Every failure is a
 * 4xx/5xx with {@code {"error":{"code","message"}}}; nothing a request sends can touch another
 * run's data. Called on the server's virtual request threads.
 */
public final class ApiRoutes implements HttpHandler {
    private static final int MAX_BATCH_KEY = 200;
    /** {@code POST /v1/tests/{id}/stop}: k6's StopCloudTestRun, see {@link RunService#stop}. */
    private static final String STOP_SUFFIX = "/stop";

    private final Authenticator auth;
    private final AccountStore accounts;
    private final RunService runs;
    private final RequestBodies bodies;
    private final Supplier<String> publicUrl;
    private final PasswordLogin logins;
    private final LogRoutes logs;

    public ApiRoutes(Authenticator auth, AccountStore accounts, RunService runs, RequestBodies bodies,
            Supplier<String> publicUrl, PasswordLogin logins, LogRoutes logs) {
        this.logins = logins;
        this.logs = logs;
        this.auth = auth;
        this.accounts = accounts;
        this.runs = runs;
        this.bodies = bodies;
        this.publicUrl = publicUrl;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange);
        } catch (ApiException e) {
            Responses.error(exchange, e);
        } catch (JsonParseException e) {
            Responses.error(exchange, new ApiException(400, "malformed JSON: " + rootMessage(e)));
        } catch (SQLException | RuntimeException e) {
            Failures.answer(exchange, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private void route(HttpExchange exchange) throws IOException, ApiException, SQLException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals(CloudApi.LOGIN_PATH)) {
            requirePost(method);
            login(exchange);
        } else if (path.equals(CloudApi.VALIDATE_TOKEN_PATH)) {
            requirePost(method);
            validateToken(exchange);
        } else if (path.equals(CloudApi.TESTS_PATH)) {
            if (method.equals("GET")) {
                Principal p = auth.byToken(exchange);
                Responses.json(exchange, 200, Map.of("runs", RunJson.list(runs, p)));
            } else {
                requirePost(method);
                createRun(exchange);
            }
        } else if (path.startsWith(CloudApi.TEST_PATH_PREFIX) && path.endsWith(STOP_SUFFIX)) {
            requirePost(method);
            long id = runId(path.substring(CloudApi.TEST_PATH_PREFIX.length(), path.length() - STOP_SUFFIX.length()));
            Responses.json(exchange, 200, RunJson.of(runs.stop(auth.byToken(exchange), id)));
        } else if (path.startsWith(CloudApi.TEST_PATH_PREFIX) && path.endsWith(CloudApi.LOGS_SUFFIX)) {
            requirePost(method);
            long id = runId(path.substring(CloudApi.TEST_PATH_PREFIX.length(),
                    path.length() - CloudApi.LOGS_SUFFIX.length()));
            Principal p = auth.byToken(exchange);
            logs.ingest(exchange, runs.find(p, id));
        } else if (path.startsWith(CloudApi.TEST_PATH_PREFIX)) {
            long id = runId(path.substring(CloudApi.TEST_PATH_PREFIX.length()));
            Principal p = auth.byToken(exchange);
            if (method.equals("GET")) {
                Responses.json(exchange, 200, RunJson.of(runs.find(p, id)));
            } else {
                requirePost(method);
                TestFinishedRequest request = read(exchange, TestFinishedRequest.class);
                RequestChecks.finish(request);
                String instance = JoinHeaders.instanceId(exchange);
                Responses.json(exchange, 200, RunJson.of(runs.finish(p, id, request, instance)));
            }
        } else if (path.startsWith(CloudApi.METRICS_PATH_PREFIX)) {
            requirePost(method);
            ingest(exchange, runId(path.substring(CloudApi.METRICS_PATH_PREFIX.length())));
        } else {
            throw new ApiException(404, "no such API endpoint: " + method + " " + path);
        }
    }

    private void login(HttpExchange exchange) throws IOException, ApiException, SQLException {
        LoginRequest request = read(exchange, LoginRequest.class);
        String address = exchange.getRemoteAddress().getAddress().getHostAddress();
        switch (logins.login(request.email(), request.password(), address)) {
            case PasswordLogin.Success s -> Responses.json(exchange, 200, new LoginResponse(accounts.createToken(s.principal())));
            case PasswordLogin.Wrong w -> throw new ApiException(401, "wrong email or password");
            case PasswordLogin.Throttled t -> {
                exchange.getResponseHeaders().set("Retry-After", Long.toString(t.seconds()));
                throw new ApiException(429, "too many failed logins for this account or address; try again in "
                        + t.seconds() + " s");
            }
        }
    }

    private void validateToken(HttpExchange exchange) throws IOException, ApiException, SQLException {
        ValidateTokenRequest request = read(exchange, ValidateTokenRequest.class);
        String token = request.token() != null ? request.token()
                : CloudApi.tokenOf(exchange.getRequestHeaders().getFirst(CloudApi.AUTHORIZATION_HEADER));
        var principal = accounts.byToken(token);
        Responses.json(exchange, 200, principal.isPresent()
                ? new ValidateTokenResponse(true, "token is valid", principal.get().email())
                : new ValidateTokenResponse(false, "token is not valid", null));
    }

    private void createRun(HttpExchange exchange) throws IOException, ApiException, SQLException {
        Principal p = auth.byToken(exchange);
        CreateRequests.Read created = CreateRequests.read(exchange, bodies);
        TestRunRequest request = created.request();
        RequestChecks.create(request);
        RunJoin join = JoinHeaders.join(exchange);
        TestRun run = runs.create(p, request, join);
        String base = publicUrl.get();
        if (join == null) {
            Logger.info("test run {} '{}' created ({} VUs)", run.id(), run.name(), run.vus());
        } else {
            Logger.info("test run {} '{}': instance '{}' joined ({} of {}, {} VUs in all)", run.id(), run.name(),
                    join.instanceId(), run.instances(), run.expectedInstances() == null ? "?" : run.expectedInstances(),
                    run.vus());
        }
        Responses.json(exchange, 200, CreateRequests.answer(run, base, created.notes()));
    }

    private void ingest(HttpExchange exchange, long runId) throws IOException, ApiException, SQLException {
        Principal p = auth.byToken(exchange);
        String batchKey = exchange.getRequestHeaders().getFirst(CloudApi.IDEMPOTENCY_KEY_HEADER);
        if (batchKey != null && (batchKey.isBlank() || batchKey.length() > MAX_BATCH_KEY)) {
            throw new ApiException(400, CloudApi.IDEMPOTENCY_KEY_HEADER + " must have 1 to " + MAX_BATCH_KEY + " characters");
        }
        runs.find(p, runId);
        List<WireSample> samples;
        try {
            samples = WireJson.samples(bodies.text(exchange));
        } catch (ApiException e) {
            throw runs.refuseBatch(p, runId, declaredSamples(exchange), e);
        } catch (JsonParseException e) {
            throw runs.refuseBatch(p, runId, declaredSamples(exchange),
                    new ApiException(400, "malformed JSON: " + rootMessage(e)));
        }
        RunService.IngestResult result = runs.ingest(p, runId, batchKey, samples);
        Responses.json(exchange, 200, result.toWire());
    }

    /** The sample count the sender declared for a body that cannot be read (0 when it did not). */
    private static long declaredSamples(HttpExchange exchange) {
        try {
            String n = exchange.getRequestHeaders().getFirst(CloudApi.SAMPLE_COUNT_HEADER);
            return n == null ? 0 : Math.max(0, Long.parseLong(n.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private <T> T read(HttpExchange exchange, Class<T> type) throws IOException, ApiException {
        T value = WireJson.GSON.fromJson(bodies.text(exchange), type);
        if (value == null) {
            throw new ApiException(400, "empty body; expected a JSON object");
        }
        return value;
    }

    private static void requirePost(String method) throws ApiException {
        if (!method.equals("POST")) {
            throw new ApiException(405, "use POST");
        }
    }

    private static long runId(String text) throws ApiException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ApiException(404, "unknown test run '" + text + "'");
        }
    }
}
