package dev.weft.cloud.api;

import com.sun.net.httpserver.HttpExchange;
import dev.weft.cloud.account.Principal;
import dev.weft.cloud.http.ApiException;
import dev.weft.cloud.http.RequestBodies;
import dev.weft.cloud.http.Responses;
import dev.weft.cloud.metrics.BadSamplesException;
import dev.weft.cloud.metrics.MetricSetAggregates;
import dev.weft.cloud.metrics.SecondAggregate;
import dev.weft.cloud.run.RunService;
import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.v2.MalformedMetricsException;
import dev.weft.cloud.wire.v2.MetricSet;
import dev.weft.cloud.wire.v2.MetricsV2;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Everything under {@code /v2}: {@code POST /v2/metrics/{referenceId}}, k6 v1's metrics push
 * (a protobuf {@link MetricSet}, snappy-compressed, chunked by Go's client). Batches are
 * idempotent by {@code K6-Idempotency-Key} like v1's, refused with 403 and k6's error code 4
 * once the run is over, and any other path or method is a JSON 404/405. Called on the
 * server's virtual request threads.
 */
public final class MetricsV2Routes extends JsonHandler {
    private static final int MAX_BATCH_KEY = 200;

    /**
     * How many pushes are decoded and stored at once. A decoded body with its trend digests
     * takes far more memory than the compressed bytes, the store serialises each run's
     * ingests, and every transaction past the pool's idle connections opens a new database
     * connection; so further pushes wait here holding only their bytes, and memory and
     * connections stay bounded however many runners stream (bench/run cloud-ingest-v2 on
     * PostgreSQL, load average 20+: 1 batch/s with two runs timing out before, 15 batches/s after).
     */
    static final int CONCURRENT_INGESTS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final Authenticator auth;
    private final RunService runs;
    private final RequestBodies bodies;
    private final Semaphore gate = new Semaphore(CONCURRENT_INGESTS, true);

    public MetricsV2Routes(Authenticator auth, RunService runs, RequestBodies bodies) {
        this.auth = auth;
        this.runs = runs;
        this.bodies = bodies;
    }

    @Override
    void route(HttpExchange exchange, String path, String method) throws Exception {
        if (!path.startsWith(MetricsV2.PATH_PREFIX) || path.length() == MetricsV2.PATH_PREFIX.length()) {
            throw notFound(method, path);
        }
        require(method, "POST");
        push(exchange, runId(path.substring(MetricsV2.PATH_PREFIX.length())));
    }

    private void push(HttpExchange exchange, long runId) throws Exception {
        Principal p = auth.byToken(exchange);
        String version = exchange.getRequestHeaders().getFirst(MetricsV2.PROTOCOL_VERSION_HEADER);
        if (version != null && !version.trim().startsWith("2.")) {
            throw new ApiException(400, MetricsV2.PROTOCOL_VERSION_HEADER + " '" + version
                    + "' is not supported; this service speaks " + MetricsV2.PROTOCOL_VERSION);
        }
        String batchKey = exchange.getRequestHeaders().getFirst(CloudApi.IDEMPOTENCY_KEY_HEADER);
        if (batchKey != null && (batchKey.isBlank() || batchKey.length() > MAX_BATCH_KEY)) {
            throw new ApiException(400, CloudApi.IDEMPOTENCY_KEY_HEADER + " must have 1 to " + MAX_BATCH_KEY + " characters");
        }
        runs.find(p, runId);
        byte[] body = bodies.raw(exchange);
        gate.acquire();
        try {
            ingest(exchange, p, runId, batchKey, body);
        } finally {
            gate.release();
        }
    }

    private void ingest(HttpExchange exchange, Principal p, long runId, String batchKey, byte[] body) throws Exception {
        MetricSet set = decode(exchange, body);
        if (!set.testRunId().isEmpty() && !set.testRunId().equals(Long.toString(runId))) {
            throw new ApiException(400, "the body is for test run '" + set.testRunId() + "', the URL for " + runId);
        }
        MetricSetAggregates reader = new MetricSetAggregates();
        Map<SecondAggregate.Key, SecondAggregate> aggregates;
        try {
            aggregates = reader.read(set);
        } catch (BadSamplesException e) {
            throw runs.refuseBatch(p, runId, reader.sampleCount(), new ApiException(400, 0, e.getMessage(),
                    e.fieldErrors()));
        }
        RunService.IngestResult result = runs.ingestAggregates(p, runId, batchKey, aggregates.values(), 0,
                reader.sampleCount());
        Responses.json(exchange, 200, result.toWire());
    }

    private MetricSet decode(HttpExchange exchange, byte[] body) throws ApiException {
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        try {
            if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
                if (body.length > bodies.maxDecompressedBytes()) {
                    throw new ApiException(413, "body is larger than " + bodies.maxDecompressedBytes() + " bytes");
                }
                return MetricsV2.fromProtobuf(body);
            }
            if (!encoding.equalsIgnoreCase(MetricsV2.CONTENT_ENCODING)) {
                throw new ApiException(415, "unsupported Content-Encoding '" + encoding + "' for v2 metrics; use "
                        + MetricsV2.CONTENT_ENCODING + " or none");
            }
            return MetricsV2.decode(body, bodies.maxDecompressedBytes());
        } catch (MalformedMetricsException e) {
            throw new ApiException(400, e.getMessage());
        }
    }
}
