package dev.weft.cloud.report;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpHandler;
import dev.weft.cloud.account.Principal;
import dev.weft.cloud.account.Sessions;
import dev.weft.cloud.api.Authenticator;
import dev.weft.cloud.http.ApiException;
import dev.weft.cloud.report.ReportPaths.ApiPath;
import dev.weft.cloud.run.RunService;
import dev.weft.cloud.run.TestRun;
import dev.weft.cloud.store.Database;
import dev.weft.cloud.web.Assets;
import dev.weft.cloud.web.Pages;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * The self-contained HTML report of a run: the run page's markup with its stylesheets, scripts and
 * uPlot inlined, and {@code window.WEFT_DATA} holding the API answers of every tab's default view,
 * so the file works opened from {@code file://} offline and shows the numbers the service showed.
 * The answers come from the service's own {@code /api} handler, called in process as the run's
 * organisation. Served at {@code /runs/{id}/report.html}; the local dashboard writes it at the end
 * of a run with {@link #write(long, Path)}. Thread-safe; each call runs on the caller's thread.
 */
public final class HtmlReport {
    private static final Gson GSON = new com.google.gson.GsonBuilder().disableHtmlEscaping().create();

    private final Supplier<HttpHandler> api;
    private final Sessions sessions;
    private final RunService runs;
    private final Database db;
    private final Assets assets = new Assets();

    /**
     * @param api the service's {@code /api} handler (a supplier: it is built after the web routes that serve this report)
     */
    public HtmlReport(Supplier<HttpHandler> api, Sessions sessions, RunService runs, Database db) {
        this.api = api;
        this.sessions = sessions;
        this.runs = runs;
        this.db = db;
    }

    /** The download's file name for a run. */
    public static String fileName(TestRun run) {
        return "weft-run-" + run.id() + ".html";
    }

    /**
     * Writes the report of run {@code runId}, whatever its organisation (for the local dashboard,
     * which has one), to {@code file}: written beside it and moved into place, so a reader never sees half a report.
     *
     * @throws IllegalArgumentException when there is no such run
     */
    public void write(long runId, Path file) throws IOException, SQLException {
        Principal owner = new Principal(organisationOf(runId), null, null);
        String html = render(owner, runId);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = (parent == null ? Path.of(".") : parent).resolve(file.getFileName() + ".tmp");
        Files.writeString(tmp, html, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The report of a run {@code principal} may see.
     *
     * @throws IllegalArgumentException when the principal has no such run
     */
    public String render(Principal principal, long runId) throws IOException, SQLException {
        TestRun run;
        try {
            run = runs.find(principal, runId);
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        String session = sessions.open(principal);
        try {
            return document(run, answers(run.id(), Sessions.COOKIE + "=" + session));
        } finally {
            sessions.close(session);
        }
    }

    private Map<String, String> answers(long id, String cookie) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (ApiPath p : ReportPaths.fixed(id)) {
            fetch(p, cookie, out);
        }
        for (ApiPath p : ReportPaths.thresholdCharts(id, parsed(out.get(ReportPaths.run(id) + "/thresholds")))) {
            fetch(p, cookie, out);
        }
        for (ApiPath p : ReportPaths.httpRowCharts(id, parsed(out.get(ReportPaths.run(id) + "/http")))) {
            fetch(p, cookie, out);
        }
        return out;
    }

    /** One answer into {@code out}; an endpoint that refuses is left out (the page says so where it is needed). */
    private void fetch(ApiPath p, String cookie, Map<String, String> out) throws IOException {
        if (out.containsKey(p.key())) {
            return;
        }
        InProcessExchange exchange = new InProcessExchange(URI.create(p.uri()), cookie);
        api.get().handle(exchange);
        if (exchange.status() == 200) {
            out.put(p.key(), new String(exchange.body(), StandardCharsets.UTF_8));
        } else {
            Logger.debug("report: {} answered {}: {}", p.uri(), exchange.status(),
                    new String(exchange.body(), StandardCharsets.UTF_8));
        }
    }

    private static JsonElement parsed(String json) {
        return json == null ? null : JsonParser.parseString(json);
    }

    private String document(TestRun run, Map<String, String> answers) throws IOException {
        StringBuilder styles = new StringBuilder();
        StringBuilder scripts = new StringBuilder();
        for (String asset : Pages.RUN_ASSETS) {
            String text = new String(assets.find(asset).bytes(), StandardCharsets.UTF_8);
            if (asset.endsWith(".css")) {
                styles.append(text.replace("</", "<\\/")).append('\n');
            } else {
                scripts.append("<script>\n").append(text.replace("</script", "<\\/script")).append("\n</script>\n");
            }
        }
        StringBuilder data = new StringBuilder("{");
        answers.forEach((key, json) -> {
            if (data.length() > 1) {
                data.append(",\n");
            }
            data.append(GSON.toJson(key)).append(':').append(json);
        });
        data.append('}');
        // '<' occurs only inside JSON strings; written as \u003c no answer can end the script element early
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="color-scheme" content="light dark">
                <meta name="generator" content="Weft results service">
                <title>%s · Weft report of run %d</title>
                <style>
                %s</style>
                </head><body>
                <header><span class="brand" style="color:#fff">Weft report</span></header>
                <main>%s</main>
                <script>window.WEFT_DATA = %s;</script>
                %s</body></html>
                """.formatted(escape(run.name()), run.id(), styles, Pages.runBody(run, true),
                data.toString().replace("<", "\\u003c"), scripts);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private long organisationOf(long runId) throws SQLException {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT org_id FROM test_runs WHERE id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("no test run " + runId + " to report on");
                    }
                    return rs.getLong(1);
                }
            }
        });
    }
}
