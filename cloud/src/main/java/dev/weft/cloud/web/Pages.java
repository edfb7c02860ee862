package dev.weft.cloud.web;

import dev.weft.cloud.run.TestRun;

/** The server-rendered page shells; the scripts fill in data. Stateless. */
final class Pages {
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

    static String runs() {
        return Html.page("Test runs", """
                <h1>Test runs</h1>
                <table class="runs"><thead><tr><th>Run</th><th>Name</th><th>State</th><th>Result</th>
                <th>VUs</th><th>Started</th></tr></thead><tbody id="runs"></tbody></table>
                <noscript>The runs list needs JavaScript.</noscript>""", "/static/runs.js");
    }

    static String run(TestRun run) {
        String state = run.state().name().toLowerCase(java.util.Locale.ROOT);
        return Html.page(run.name(), """
                <div id="run" data-run-id="%d">
                <h1>%s <span id="run-state" class="badge %s">%s</span> <span id="result"></span></h1>
                <p class="meta">Run %d · %d VUs · <span id="run-status"></span> · <span id="samples"></span></p>
                <p class="overflow" id="overflow" hidden></p>
                <section class="losses" id="losses" hidden><strong id="lost-total"></strong><ul id="loss-list"></ul></section>
                <section class="charts">
                <div class="chart" id="box-vus" data-points="0"><canvas id="chart-vus"></canvas></div>
                <div class="chart" id="box-rps" data-points="0"><canvas id="chart-rps"></canvas></div>
                <div class="chart" id="box-latency" data-points="0"><canvas id="chart-latency"></canvas></div>
                <div class="chart" id="box-errors" data-points="0"><canvas id="chart-errors"></canvas></div>
                <div class="chart" id="box-checks" data-points="0"><canvas id="chart-checks"></canvas></div>
                </section>
                <h2>Thresholds</h2>
                <table class="thresholds"><thead><tr><th>Metric</th><th>Threshold</th><th>Result</th></tr></thead>
                <tbody id="thresholds"></tbody></table>
                </div>""".formatted(run.id(), Html.escape(run.name()), state, run.state().label(), run.id(), run.vus()),
                "/static/chart.js", "/static/run.js");
    }
}
