package dev.weft.cloud.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.weft.cloud.account.Principal;
import dev.weft.cloud.http.Failures;
import dev.weft.cloud.http.Responses;
import dev.weft.cloud.run.RunService;
import dev.weft.cloud.run.TestRun;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

/**
 * In the local dashboard's service, {@code GET /} opens the page of the run being measured (the
 * newest run of the local account), as k6's dashboard opens on its run; every other path goes
 * to the web app unchanged. Called on the server's virtual request threads.
 */
public final class LocalLanding implements HttpHandler {
    private final HttpHandler web;
    private final RunService runs;
    private final Principal local;

    public LocalLanding(HttpHandler web, RunService runs, Principal local) {
        this.web = web;
        this.runs = runs;
        this.local = local;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/") || !exchange.getRequestMethod().equals("GET")) {
            web.handle(exchange);
            return;
        }
        List<TestRun> newest;
        try {
            newest = runs.list(local);
        } catch (SQLException | RuntimeException e) {
            Failures.answer(exchange, e);
            return;
        }
        if (newest.isEmpty()) {
            web.handle(exchange);
        } else {
            Responses.redirect(exchange, "/runs/" + newest.getFirst().id());
        }
    }
}
