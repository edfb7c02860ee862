package dev.weft.cloud.web;

import com.sun.net.httpserver.HttpExchange;
import dev.weft.cloud.account.Principal;
import dev.weft.cloud.api.RunJson;
import dev.weft.cloud.http.ApiException;
import dev.weft.cloud.metrics.ChartReader;
import dev.weft.cloud.metrics.ChartSeries;
import dev.weft.cloud.run.RunService;
import dev.weft.cloud.run.RunState;
import dev.weft.cloud.run.TestRun;
import dev.weft.cloud.wire.WireJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Server-sent events for the run page: every {@code interval} an {@code update} event with the
 * run and its chart points from a few seconds before the last one sent (late data may still
 * change the newest seconds; the page replaces points by second). Ends after the run stops
 * Running, when the browser goes away, or when the service stops. Each stream holds its own
 * virtual request thread.
 */
public final class LiveUpdates {
    /** How far back each update reaches so seconds that were still filling get resent. */
    private static final long RESEND_SECONDS = 5;

    private final RunService runs;
    private final ChartReader charts;
    private final Duration interval;
    private final BooleanSupplier stopping;

    public LiveUpdates(RunService runs, ChartReader charts, Duration interval, BooleanSupplier stopping) {
        this.runs = runs;
        this.charts = charts;
        this.interval = interval;
        this.stopping = stopping;
    }

    void stream(HttpExchange exchange, Principal principal, long runId) throws IOException, SQLException, ApiException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        long from = 0;
        try (OutputStream out = exchange.getResponseBody()) {
            while (!stopping.getAsBoolean()) {
                TestRun run = runs.find(principal, runId);
                ChartSeries series = charts.read(runId, from);
                String json = WireJson.GSON.toJson(Map.of("run", RunJson.of(run), "charts", series));
                out.write(("event: update\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (run.state() != RunState.RUNNING) {
                    break;
                }
                if (!series.seconds().isEmpty()) {
                    from = Math.max(from, series.seconds().get(series.seconds().size() - 1) - RESEND_SECONDS);
                }
                Thread.sleep(interval.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the browser went away; nothing to clean up
        } finally {
            exchange.close();
        }
    }
}
