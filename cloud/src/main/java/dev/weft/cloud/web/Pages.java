package dev.weft.cloud.web;

import dev.weft.cloud.run.TestRun;
import java.util.List;

/**
 * The server-rendered page shells; the scripts fill in data through the JSON API. The run page's
 * markup is shared with the exported report ({@code dev.weft.cloud.report.HtmlReport}), which
 * inlines {@link #RUN_ASSETS} instead of linking them. Stateless.
 */
public final class Pages {
    /** The run page's stylesheets and scripts, in load order, as /static/ paths. */
    public static final List<String> RUN_ASSETS = List.of("/static/uplot.css", "/static/app.css",
            "/static/uplot.js", "/static/weft.js", "/static/run-tabs.js", "/static/run.js");

    private Pages() {
    }

    static String login(String error) {
        String message = error == null ? "" : "<p class=\"error\" id=\"login-error\">" + Html.escape(error) + "</p>";
        return Html.page("Log in", """
                <form class="login" method="post" action="/login">
                <h1>Log in</h1>%s
                <label>Email <input type="email" name="email" id="email" required autofocus></label>
                <label>Password <input type="password" name="password" id="password" required></label>
                <button type="submit" id="login">Log in</button>
                </form>""".formatted(message));
    }

    static String logout() {
        return Html.page("Log out", """
                <form class="login" method="post" action="/logout">
                <h1>Log out</h1>
                <button type="submit" id="logout-confirm">Log out</button>
                </form>""");
    }

    /** Home ({@code /}, {@code /projects}): projects with their tests, then every run. */
    static String home() {
        return Html.page("Projects and runs", """
                <h1>Projects and tests</h1>
                <div id="projects"><p class="note">Loading…</p></div>
                <h2>All test runs</h2>
                <table class="runs"><thead><tr><th>Run</th><th>Name</th><th>State</th><th>Result</th>
                <th>VUs</th><th>Started</th></tr></thead><tbody id="runs"></tbody></table>
                <noscript>These pages need JavaScript.</noscript>""", "/static/weft.js", "/static/home.js");
    }

    /** A test's runs and trends across them; the id is checked by the API the page calls. */
    static String test(long testId) {
        return Html.page("Test", """
                <div id="test" data-test-id="%d">
                <h1 id="test-name">Test %d</h1>
                <p class="meta" id="test-meta"></p>
                <h2>Trends across runs</h2>
                <section class="charts" id="trends"></section>
                <h2>Runs</h2>
                <p><button type="button" id="compare">Compare the two picked runs</button> <span id="compare-note" class="note">
                Pick a baseline and a run in the first two columns.</span></p>
                <div id="test-runs"><p class="note">Loading…</p></div>
                </div>""".formatted(testId, testId), "/static/uplot.js", "/static/weft.js", "/static/test.js");
    }

    /** Two runs compared ({@code /compare?base=A&run=B}). */
    static String compare() {
        return Html.page("Compare runs", """
                <div id="compare">
                <h1 id="compare-title">Compare runs</h1>
                <p class="meta"><span id="compare-meta"></span> · <button type="button" id="swap">Swap baseline and run</button></p>
                <h2>Overlaid (seconds since each run's start)</h2>
                <section class="charts" id="overlays"></section>
                <h2>Metrics</h2><div id="compare-metrics"><p class="note">Loading…</p></div>
                <h2>HTTP requests</h2><div id="compare-http"></div>
                <h2>Checks</h2><div id="compare-checks"></div>
                </div>""", "/static/uplot.js", "/static/weft.js", "/static/compare.js");
    }

    static String run(TestRun run) {
        return Html.page(run.name(), runBody(run, false),
                RUN_ASSETS.stream().filter(a -> a.endsWith(".js")).toArray(String[]::new));
    }

    /** The run page's markup; {@code exported} drops what needs the service (links, the download). */
    public static String runBody(TestRun run, boolean exported) {
        String state = run.state().name().toLowerCase(java.util.Locale.ROOT);
        String links = exported ? "" : """
                 · <a id="test-link" hidden>all runs of this test</a> <a id="compare-link" hidden></a> · <a id="report-link" href="/runs/%1$d/report.html">download the HTML report</a> \
                · summary <a id="export-summary-csv" href="/api/runs/%1$d/export/summary.csv">CSV</a> \
                <a id="export-summary-json" href="/api/runs/%1$d/export/summary.json">JSON</a> · HTTP table \
                <a id="export-http-csv" href="/api/runs/%1$d/export/http.csv">CSV</a> \
                <a id="export-http-json" href="/api/runs/%1$d/export/http.json">JSON</a>\
                """.formatted(run.id());
        return """
                <div id="run" data-run-id="%d">
                <h1><span id="run-name">%s</span> <span id="run-state" class="badge %s">%s</span> <span id="result"></span></h1>
                <p class="meta">Run %d · <span id="run-vus">%d VUs</span> · started <span id="run-started"></span> · <span id="run-status"></span> · <span id="samples"></span>%s</p>
                <p class="report-note" id="report-note" hidden>An exported report of this run: the numbers are as the service had them when it was written.</p>
                <p class="overflow" id="overflow" hidden></p>
                <section class="losses" id="losses" hidden><strong id="lost-total"></strong><ul id="loss-list"></ul></section>
                <section class="tiles" id="tiles"></section>
                <section class="filters" id="filters"></section>
                <section class="charts"><div class="chart wide" id="box-overview" data-points="0"></div></section>
                <nav class="tabs" id="tabs"></nav>
                <section class="panel" id="panel-thresholds"></section>
                <section class="panel" id="panel-checks" hidden></section>
                <section class="panel" id="panel-http" hidden></section>
                <section class="panel" id="panel-scenarios" hidden></section>
                <section class="panel" id="panel-metrics" hidden></section>
                <section class="panel" id="panel-logs" hidden></section>
                </div>""".formatted(run.id(), Html.escape(run.name()), state, Html.escape(run.state().label()), run.id(),
                run.vus(), links);
    }
}
