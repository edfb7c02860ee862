package dev.weft.cloud.logs;

import com.google.gson.JsonParseException;
import com.sun.net.httpserver.HttpExchange;
import dev.weft.cloud.http.ApiException;
import dev.weft.cloud.http.RequestBodies;
import dev.weft.cloud.http.Responses;
import dev.weft.cloud.run.TestRun;
import dev.weft.cloud.wire.LogBatch;
import dev.weft.cloud.wire.WireJson;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The two log endpoints, once the caller has found the run and checked who may touch it:
 * {@code POST /v1/tests/{id}/logs} (a runner's {@link LogBatch}, token auth, routed by
 * {@code ApiRoutes}) and {@code GET /api/runs/{id}/logs} (the run page and API clients,
 * routed by {@code RunApiRoutes}). Called on the server's virtual request threads.
 */
public final class LogRoutes {
    /** Most lines one batch may carry; the runner sends at most 1,000. */
    public static final int MAX_LINES_PER_BATCH = 10_000;

    private final LogStore store;
    private final RequestBodies bodies;
    private final Clock clock;

    public LogRoutes(LogStore store, RequestBodies bodies, Clock clock) {
        this.store = store;
        this.bodies = bodies;
        this.clock = clock;
    }

    /** Stores a pushed batch for {@code run}; answers {@code {"stored","duplicates","dropped"}}. */
    public void ingest(HttpExchange exchange, TestRun run) throws IOException, ApiException, SQLException {
        LogBatch batch;
        try {
            batch = WireJson.GSON.fromJson(bodies.text(exchange), LogBatch.class);
        } catch (JsonParseException e) {
            throw new ApiException(400, "malformed log batch: " + e.getMessage());
        }
        if (batch == null) {
            throw new ApiException(400, "empty body; expected {\"instance\":\"\",\"lines\":[…]}");
        }
        if (batch.lines().size() > MAX_LINES_PER_BATCH) {
            throw new ApiException(413, "a log batch may hold at most " + MAX_LINES_PER_BATCH + " lines, got "
                    + batch.lines().size());
        }
        if (batch.instance().length() > 200) {
            throw new ApiException(400, "instance must have at most 200 characters");
        }
        long previous = 0;
        for (LogBatch.Line line : batch.lines()) {
            if (line == null || line.seq() <= previous) {
                throw new ApiException(400, "log lines must be numbered from 1 in increasing order; line "
                        + (line == null ? "null" : line.seq()) + " follows " + previous);
            }
            previous = line.seq();
        }
        Responses.json(exchange, 200, store.append(run.id(), batch, clock.millis()));
    }

    /** Answers {@code [{"seq","t","level","message","source","vu","iteration","scenario","instance"}]}. */
    public void serve(HttpExchange exchange, TestRun run) throws IOException, ApiException, SQLException {
        LogQuery query = LogQuery.parse(exchange.getRequestURI().getRawQuery());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        Responses.json(exchange, 200, store.read(run.id(), query));
    }
}
