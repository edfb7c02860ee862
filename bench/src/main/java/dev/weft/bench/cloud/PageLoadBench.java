package dev.weft.bench.cloud;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.weft.cloud.ResultsService;
import dev.weft.cloud.ServiceConfig;
import dev.weft.cloud.account.Principal;
import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.CreateTestRunResponse;
import dev.weft.cloud.wire.TestFinishedRequest;
import dev.weft.cloud.wire.TestRunRequest;
import dev.weft.cloud.wire.WireJson;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How fast a long run with many series opens (issue 15): writes a run of {@code seconds}
 * (default 3600) with {@code series} (default 5,000) straight into a fresh results service's
 * database ({@link PageLoadData}; H2 in a temp dir, or {@code --db url user password}), then
 * times every API call of the run page's default view (header, tags, tiles, the overview's
 * four series, thresholds and their charts) and of its other tabs, {@code rounds} times each
 * (the first is the first open; answers of a finished run are cached after it), one after
 * another and all at once as a browser sends them; then, on a service started afresh (nothing
 * cached) and where Debian's chromium and chromedriver are installed, the first contentful
 * paint of {@code /runs/{id}} and when its last API answer arrived. Prints the figures. Loopback only.
 * Usage: {@code [series=5000] [seconds=3600] [every=1] [rounds=3] [--db url user password] [--reuse h2dir]}
 * ({@code --reuse} measures again the run an earlier call left in that H2 directory).
 */
public final class PageLoadBench {
    private PageLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> plain = new ArrayList<>();
        String[] db = null;
        Path reuse = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--db")) {
                db = new String[] {args[i + 1], args[i + 2], args[i + 3]};
                i += 3;
            } else if (args[i].equals("--reuse")) {
                reuse = Path.of(args[++i]);
            } else {
                plain.add(args[i]);
            }
        }
        int series = arg(plain, 0, 5000);
        int seconds = arg(plain, 1, 3600);
        int every = arg(plain, 2, 1);
        int rounds = arg(plain, 3, 3);
        Path dir = reuse != null ? reuse : Files.createTempDirectory("weft-page-load");
        String url = db != null ? db[0] : ServiceConfig.defaultJdbcUrl(dir);
        String user = db != null ? db[1] : null;
        String password = db != null ? db[2] : null;
        // writing the run takes minutes: it must not time out meanwhile
        ServiceConfig config = ServiceConfig.defaults().withPort(0).withPasswordIterations(1000)
                .withDatabase(url, user, password).withRunTimeout(java.time.Duration.ofHours(6))
                .withSweepInterval(java.time.Duration.ofHours(1));
        String id;
        String token;
        if (reuse != null) {
            // the run an earlier call wrote into this H2 directory (its first run)
            try (ResultsService service = ResultsService.start(config)) {
                Principal p = service.accounts().createUser(service.accounts().organisation("bench"), "bench@localhost", "pw");
                token = service.accounts().createToken(p);
                id = "1";
                System.out.println("reusing run 1 in H2 " + reuse);
            }
        } else {
            try (ResultsService service = ResultsService.start(config);
                    HttpClient http = HttpClient.newHttpClient()) {
                Principal p = service.accounts().createUser(service.accounts().organisation("bench"), "bench@localhost", "pw");
                token = service.accounts().createToken(p);
                id = createRun(http, service.baseUrl(), token);
                long now = System.currentTimeMillis() / 1000;
                long first = now - seconds;
                PageLoadData data = new PageLoadData(Long.parseLong(id), first, seconds, series, every);
                long t0 = System.nanoTime();
                long[] written = data.write(url, user, password);
                double genS = (System.nanoTime() - t0) / 1e9;
                backdate(url, user, password, Long.parseLong(id), first * 1000 - 1000);
                finish(http, service.baseUrl(), token, id);
                System.out.printf("generated run %s: %,d series over %,d s (data every %d s): %,d rows in metric_seconds, "
                        + "%,d samples, in %.1f s (%s)%n", id, data.seriesCount(), seconds, every, written[1], written[0], genS,
                        db != null ? db[0] : "H2 " + dir);
            }
        }
        // a fresh service on the same database: the first open reads what is on disk, not what the writes left cached
        try (ResultsService service = ResultsService.start(config);
                HttpClient http = HttpClient.newHttpClient()) {
            String base = service.baseUrl();
            System.out.println("load average: " + loadAverage());
            List<String> view = defaultView(http, base, token, id);
            List<String> tabs = List.of("/api/runs/" + id + "/checks", "/api/runs/" + id + "/http",
                    "/api/runs/" + id + "/metrics", "/api/runs/" + id);
            apiTimes(http, base, token, view, tabs, rounds);
            System.out.println("load average: " + loadAverage());
        }
        // and again fresh, so the browser's first open does not find the answers cached
        try (ResultsService service = ResultsService.start(config);
                HttpClient http = HttpClient.newHttpClient()) {
            browser(dir, http, service.baseUrl(), id, rounds);
            System.out.println("load average: " + loadAverage());
        }
    }

    private static int arg(List<String> args, int i, int fallback) {
        return args.size() > i ? Integer.parseInt(args.get(i)) : fallback;
    }

    private static String createRun(HttpClient http, String base, String token) throws Exception {
        TestRunRequest r = new TestRunRequest("page-load bench", null, 100, Map.of(
                "http_req_duration", List.of("p(95)<500", "avg<300"), "http_req_failed", List.of("rate<0.01"),
                "checks", List.of("rate>0.99"), "http_req_duration{scenario:api}", List.of("p(99)<1500")), 3600);
        HttpResponse<String> a = http.send(HttpRequest.newBuilder(URI.create(base + CloudApi.TESTS_PATH))
                .header(CloudApi.AUTHORIZATION_HEADER, CloudApi.authorization(token))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(WireJson.GSON.toJson(r))).build(), HttpResponse.BodyHandlers.ofString());
        if (a.statusCode() != 200) {
            throw new IllegalStateException("create failed: " + a.statusCode() + " " + a.body());
        }
        return WireJson.GSON.fromJson(a.body(), CreateTestRunResponse.class).referenceId();
    }

    /** The run was created now; its data lies in the last {@code seconds}: so does its start. */
    private static void backdate(String url, String user, String password, long id, long createdAt) throws Exception {
        try (Connection c = user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
                PreparedStatement ps = c.prepareStatement("UPDATE test_runs SET created_at = ? WHERE id = ?")) {
            ps.setLong(1, createdAt);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private static void finish(HttpClient http, String base, String token, String id) throws Exception {
        TestFinishedRequest f = new TestFinishedRequest(CloudApi.RESULT_FAILED, 3, Map.of(
                "http_req_duration", Map.of("p(95)<500", true, "avg<300", false), "http_req_failed", Map.of("rate<0.01", true),
                "checks", Map.of("rate>0.99", true), "http_req_duration{scenario:api}", Map.of("p(99)<1500", false)));
        HttpResponse<String> a = http.send(HttpRequest.newBuilder(URI.create(base + CloudApi.TEST_PATH_PREFIX + id))
                .header(CloudApi.AUTHORIZATION_HEADER, CloudApi.authorization(token))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(WireJson.GSON.toJson(f))).build(), HttpResponse.BodyHandlers.ofString());
        if (a.statusCode() != 200) {
            throw new IllegalStateException("finish failed: " + a.statusCode() + " " + a.body());
        }
    }

    /**
     * The calls the run page makes when it opens (ana-ui's run.js and its default Thresholds
     * tab): header, tags, tiles, the overview's series, the thresholds and one chart per
     * threshold metric with its submetric's tags as filters. {@code /api/runs/{id}} with its
     * legacy per-second charts is timed among the others.
     */
    private static List<String> defaultView(HttpClient http, String base, String token, String id) throws Exception {
        String run = "/api/runs/" + id;
        List<String> calls = new ArrayList<>(List.of(run + "/header", run + "/tags", run + "/stats",
                series(id, "vus", "value", ""), series(id, "http_reqs", "rate", ""),
                series(id, "http_req_failed", "value", ""), series(id, "http_req_duration", "p(95)", ""),
                run + "/thresholds"));
        JsonArray thresholds = JsonParser.parseString(get(http, base, token, run + "/thresholds").body()).getAsJsonArray();
        for (JsonElement e : thresholds) {
            JsonObject t = e.getAsJsonObject();
            String key = t.get("metric").getAsString();
            String metric = key.contains("{") ? key.substring(0, key.indexOf('{')) : key;
            String filters = "";
            if (key.contains("{")) {
                for (String part : key.substring(key.indexOf('{') + 1, key.length() - 1).split(",")) {
                    String[] kv = part.split(":", 2);
                    String k = kv[0].trim();
                    filters += "&" + (k.equals("scenario") || k.equals("group") ? k : "tag." + k) + "="
                            + URLEncoder.encode(kv[1].trim(), StandardCharsets.UTF_8);
                }
            }
            String stat = t.get("stat").isJsonNull() ? "value" : t.get("stat").getAsString();
            calls.add(series(id, metric, stat, filters));
        }
        return calls;
    }

    private static String series(String id, String metric, String stat, String filters) {
        return "/api/runs/" + id + "/series?metric=" + metric + "&stat=" + URLEncoder.encode(stat, StandardCharsets.UTF_8)
                + "&points=600" + filters;
    }

    private static HttpResponse<String> get(HttpClient http, String base, String token, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header(CloudApi.AUTHORIZATION_HEADER, CloudApi.authorization(token)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
        }
        return r;
    }

    private static void apiTimes(HttpClient http, String base, String token, List<String> view, List<String> tabs,
            int rounds) throws Exception {
        List<String> all = new ArrayList<>(view);
        all.addAll(tabs);
        Map<String, double[]> ms = new LinkedHashMap<>();
        Map<String, Integer> bytes = new LinkedHashMap<>();
        double[] sequential = new double[rounds];
        double[] parallel = new double[rounds];
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (int round = 0; round < rounds; round++) {
                long viewStart = System.nanoTime();
                for (String path : all) {
                    long t = System.nanoTime();
                    HttpResponse<String> r = get(http, base, token, path);
                    ms.computeIfAbsent(path, p -> new double[rounds])[round] = (System.nanoTime() - t) / 1e6;
                    bytes.put(path, r.body().length());
                    if (path.equals(view.get(view.size() - 1))) {
                        sequential[round] = (System.nanoTime() - viewStart) / 1e6;
                    }
                }
                // as a browser opens the page: six connections, every call of the view at once
                long t = System.nanoTime();
                List<Future<HttpResponse<String>>> futures = new ArrayList<>();
                for (String path : view) {
                    futures.add(pool.submit(() -> get(http, base, token, path)));
                }
                for (Future<HttpResponse<String>> f : futures) {
                    f.get();
                }
                parallel[round] = (System.nanoTime() - t) / 1e6;
            }
        }
        System.out.printf("%-110s %10s %10s %9s%n", "API call (run page default view, then other tabs)", "first ms",
                "median ms", "bytes");
        ms.forEach((path, v) -> System.out.printf("%-110s %10.1f %10.1f %,9d%n", (view.contains(path) ? "" : "[tab] ") + path,
                v[0], median(v), bytes.get(path)));
        System.out.printf("default view (%d calls) one after another: first %.0f ms, median %.0f ms; all at once "
                + "(6 connections): first %.0f ms, median %.0f ms%n", view.size(), sequential[0], median(sequential),
                parallel[0], median(parallel));
    }

    private static void browser(Path dir, HttpClient http, String base, String id, int rounds) throws Exception {
        if (!HeadlessChromium.installed()) {
            System.out.println("first paint: skipped (" + HeadlessChromium.CHROMIUM + " or " + HeadlessChromium.DRIVER
                    + " not installed; apt-get install chromium chromium-driver)");
            return;
        }
        String cookie = login(http, base);
        try (HeadlessChromium chromium = HeadlessChromium.start(Files.createDirectories(dir.resolve("chromium")))) {
            chromium.open(base + "/login");
            chromium.cookie(cookie.substring(0, cookie.indexOf('=')), cookie.substring(cookie.indexOf('=') + 1));
            double[] fcp = new double[rounds];
            double[] lastApi = new double[rounds];
            double[] load = new double[rounds];
            int calls = 0;
            for (int round = 0; round < rounds; round++) {
                chromium.open(base + "/runs/" + id);
                JsonObject m = settled(chromium);
                fcp[round] = m.get("fcp").isJsonNull() ? Double.NaN : m.get("fcp").getAsDouble();
                load[round] = m.get("load").getAsDouble();
                lastApi[round] = m.get("lastApi").getAsDouble();
                calls = m.get("calls").getAsInt();
            }
            System.out.printf("headless Chromium, /runs/%s (%d rounds): first contentful paint first %.0f ms, median %.0f ms;"
                    + " load event median %.0f ms; last of its %d API answers in at first %.0f ms, median %.0f ms "
                    + "(from navigation start)%n", id, rounds, fcp[0], median(fcp), median(load), calls, lastApi[0],
                    median(lastApi));
        }
    }

    /** Waits until the page's API calls stop (no new one for 1.5 s, at most 60 s) and reads its timings. */
    private static JsonObject settled(HeadlessChromium chromium) throws Exception {
        String js = "const p = performance.getEntriesByType('paint').find(e => e.name === 'first-contentful-paint');"
                + "const api = performance.getEntriesByType('resource').filter(e => e.name.indexOf('/api/') >= 0);"
                + "const nav = performance.getEntriesByType('navigation')[0];"
                + "return JSON.stringify({fcp: p ? p.startTime : null, load: nav ? nav.loadEventEnd : 0, calls: api.length,"
                + " pending: api.filter(e => e.responseEnd === 0).length,"
                + " lastApi: api.reduce((m, e) => Math.max(m, e.responseEnd), 0)});";
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonObject last = null;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            JsonObject now = JsonParser.parseString(chromium.script(js).getAsString()).getAsJsonObject();
            if (last == null || now.get("calls").getAsInt() != last.get("calls").getAsInt()
                    || now.get("calls").getAsInt() == 0) {
                stableSince = System.nanoTime();
            }
            last = now;
            if (System.nanoTime() - stableSince > 1_500_000_000L) {
                break;
            }
            Thread.sleep(100);
        }
        return last;
    }

    /** A session cookie from the login form, as a browser gets it. */
    private static String login(HttpClient http, String base) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString("email=bench%40localhost&password=pw")).build(),
                HttpResponse.BodyHandlers.ofString());
        String set = r.headers().firstValue("Set-Cookie").orElseThrow(() -> new IllegalStateException(
                "login gave no cookie: " + r.statusCode() + " " + r.body()));
        return set.substring(0, set.indexOf(';'));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
