package dev.weft.cloud.wire;

/**
 * Paths, headers and codes of the k6 cloud API v1 as k6's {@code cloudapi} package uses them.
 * Constants only; both ends build their URLs from these.
 */
public final class CloudApi {
    private CloudApi() {
    }

    /** The port the Weft results service listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 8270;
    /** Where the cloud output looks when neither K6_CLOUD_HOST nor a login says otherwise. */
    public static final String DEFAULT_HOST = "http://127.0.0.1:" + DEFAULT_PORT;

    /** {@code POST}: create a test run from a {@link TestRunRequest}. */
    public static final String TESTS_PATH = "/v1/tests";
    /** {@code POST {TESTS_PATH}/{referenceId}}: finish a run with a {@link TestFinishedRequest}. */
    public static final String TEST_PATH_PREFIX = TESTS_PATH + "/";
    /** {@code POST {METRICS_PATH_PREFIX}{referenceId}}: a JSON array of {@link WireSample}s, usually gzipped. */
    public static final String METRICS_PATH_PREFIX = "/v1/metrics/";
    /**
     * {@code POST {TEST_PATH_PREFIX}{referenceId}{LOGS_SUFFIX}}: Weft's extension, a {@link LogBatch}
     * of what the runner logged, answered with a {@link LogBatch.Answer}.
     */
    public static final String LOGS_SUFFIX = "/logs";
    /** {@code POST}: {@link LoginRequest} to {@link LoginResponse}. */
    public static final String LOGIN_PATH = "/v1/login";
    /** {@code POST}: {@link ValidateTokenRequest} to {@link ValidateTokenResponse}. */
    public static final String VALIDATE_TOKEN_PATH = "/v1/validate-token";

    public static final String AUTHORIZATION_HEADER = "Authorization";
    /** The scheme k6 puts before the token in the Authorization header ({@code Token <token>}). */
    public static final String TOKEN_SCHEME = "Token ";
    /**
     * k6 sets this once per request and keeps it across retries; the service treats it as the
     * batch id, so a metrics batch sent twice is ingested once.
     */
    public static final String IDEMPOTENCY_KEY_HEADER = "k6-Idempotency-Key";

    /** Weft's extension for runs shared by several instances: the key that names the shared run. */
    public static final String RUN_KEY_HEADER = "X-Weft-Run-Key";
    /** How many instances will join a shared run. */
    public static final String INSTANCES_HEADER = "X-Weft-Instances";
    /** Which instance sends a create or a finish of a shared run. */
    public static final String INSTANCE_HEADER = "X-Weft-Instance";
    /** How many samples a metrics body holds (informational, as k6 sends it). */
    public static final String SAMPLE_COUNT_HEADER = "X-Payload-Sample-Count";

    /** Error code k6 reads from a 403 as "the service takes no more metrics for this run". */
    public static final int ERROR_CODE_NO_MORE_METRICS = 4;

    /** {@code result_status} when no threshold failed. */
    public static final int RESULT_PASSED = 0;
    /** {@code result_status} when a threshold failed. */
    public static final int RESULT_FAILED = 1;

    /** The Authorization header value for a token. */
    public static String authorization(String token) {
        return TOKEN_SCHEME + token;
    }

    /** The token of an Authorization header value, or null when it is not {@code Token <token>}. */
    public static String tokenOf(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, TOKEN_SCHEME, 0,
                TOKEN_SCHEME.length())) {
            return null;
        }
        String token = authorizationHeader.substring(TOKEN_SCHEME.length()).trim();
        return token.isEmpty() ? null : token;
    }
}
