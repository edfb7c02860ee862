package dev.weft.bench;

import com.google.gson.JsonObject;
import dev.weft.http.HttpEngine;
import dev.weft.http.HttpRequest;
import dev.weft.http.HttpResponse;
import dev.weft.http.VuHttpClient;
import dev.weft.js.JsProgram;
import dev.weft.js.JsVu;
import dev.weft.js.JsVuFactory;
import dev.weft.js.module.BuiltinModules;
import dev.weft.js.module.TestServices;
import dev.weft.js.module.http.HttpModule;
import dev.weft.metrics.MetricRegistry;
import dev.weft.metrics.Tags;
import dev.weft.options.TestOptions;
import dev.weft.vu.IterationContext;
import dev.weft.vu.IterationOutcome;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The k6/http request path against nginx: first {@code wrk -t2 -c50} for a baseline, then 50
 * in-process JS VUs doing {@code http.get} + {@code check} with no sleep (warm-up, then a measured
 * window). Prints req/s, process CPU per request for both, and Weft's share of wrk's rate.
 * Needs the Debian packages nginx and wrk. Usage:
 * {@code bench/run http [vus] [seconds] [warmupSeconds] [stock|tiny]} (defaults 50, 10, 20, stock).
 * {@code stock} is nginx as Debian ships it: its welcome page from disk, access log on (the
 * conditions under which k6 reached 0.42 of wrk); {@code tiny} answers a fixed 17-byte body
 * with no log, so nginx costs next to nothing and the client's CPU decides.
 *
 * <p>Between wrk and the JS VUs it measures two floors on the same target: plain blocking-socket
 * loops on virtual threads (no HTTP objects at all) and Weft's HTTP engine without JS, so the
 * cost of each layer shows.
 *
 * <p>When a genuine k6 binary is at hand (WEFT_K6_BINARY, or {@code k6} on the PATH) it runs the same
 * script with the same VUs last, so the three figures come from one machine state.
 *
 * <p>The JS figures depend on whether GraalJS runs with its JIT (JVMCI and the Graal compiler on
 * the upgrade module path) or in its interpreter; the JVM arguments are printed to tell which.
 */
public final class HttpBench {
    private static final Pattern WRK_NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern K6_CHECKS = Pattern.compile("checks\\.*:\\s+([0-9.]+)%");
    private static final Pattern WRK_RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern K6_REQS = Pattern.compile("http_reqs\\.*:\\s+(\\d+)\\s+([0-9.]+)/s");
    private static final Pattern BASH_TIMES = Pattern.compile("(\\d+)m([0-9.]+)s (\\d+)m([0-9.]+)s\\s*$");

    private HttpBench() {
    }

    public static void main(String[] args) throws Exception {
        int vus = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        boolean stock = args.length <= 3 || !args[3].equals("tiny");
        try (LocalNginx nginx = LocalNginx.start(stock)) {
            String url = nginx.url();
            int port = nginx.port();
            Path dir = nginx.dir();
            System.out.println("nginx: " + (stock ? "stock (welcome page from disk, access log on)"
                    : "tiny fixed body"));
            double[] wrk = runWrk(url, vus, seconds);
            System.out.printf(Locale.ROOT, "wrk -t2 -c%d -d%ds: %.0f req/s, wrk CPU %.1f us/request%n",
                    vus, seconds, wrk[0], wrk[1]);
            VirtualThreadLoops.Figures raw = VirtualThreadLoops.measure(vus, 5, seconds,
                    i -> new RawHttpLoop("127.0.0.1", port, "/"));
            System.out.printf(Locale.ROOT, "floor: %d plain blocking-socket loops on virtual threads (no JS, no"
                    + " HTTP objects): %.0f req/s, process CPU %.1f us/request (%.2f cores), %.0f%% of wrk's rate%n",
                    vus, raw.rate(), raw.cpuMicrosPerRequest(), raw.cores(), 100 * raw.rate() / wrk[0]);
            requireFewFailures("plain socket loops", raw, seconds);
            VirtualThreadLoops.Figures engine = runEngine(url, vus, seconds);
            requireFewFailures("engine loops", engine, seconds);
            System.out.printf(Locale.ROOT, "weft engine: %d VU HTTP clients, no JS: %.0f req/s, process CPU %.1f"
                    + " us/request (%.2f cores), %.0f%% of wrk's rate%n", vus, engine.rate(),
                    engine.cpuMicrosPerRequest(), engine.cores(), 100 * engine.rate() / wrk[0]);
            Path script = writeScript(dir);
            VirtualThreadLoops.Figures weft = runVus(script, url, vus, seconds, warmup);
            System.out.printf(Locale.ROOT, "weft %d VUs http.get+check: %.0f req/s, process CPU %.1f us/request"
                    + " (%.2f cores), %.0f%% of wrk's rate%n", vus, weft.rate(), weft.cpuMicrosPerRequest(),
                    weft.cores(), 100 * weft.rate() / wrk[0]);
            String k6 = k6Binary();
            if (k6 == null) {
                System.out.println("k6: no binary (set WEFT_K6_BINARY or put k6 on the PATH to compare)");
            } else {
                double[] k = runK6(k6, script, url, vus, seconds);
                System.out.printf(Locale.ROOT, "k6 %d VUs http.get+check (%s): %.0f req/s, CPU %.1f us/request,"
                        + " %.0f%% of wrk's rate; weft/k6 rate %.2fx%n", vus, k6, k[0], k[1], 100 * k[0] / wrk[0],
                        weft.rate() / k[0]);
            }
            System.out.printf(Locale.ROOT, "cpus=%d jvm=%s%n", Runtime.getRuntime().availableProcessors(),
                    String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        }
    }

    /** Runs wrk under bash so that {@code times} reports its CPU; returns {req/s, CPU us per request}. */
    private static double[] runWrk(String url, int connections, int seconds) throws Exception {
        String out = runUnderBash("wrk", "wrk -t2 -c" + connections + " -d" + seconds + "s " + url);
        Matcher rate = WRK_RATE.matcher(out);
        if (!rate.find()) {
            throw new IllegalStateException("no Requests/sec in wrk's output:\n" + out);
        }
        Matcher non2xx = WRK_NON_2XX.matcher(out);
        if (non2xx.find()) {
            throw new IllegalStateException("wrk got " + non2xx.group(1) + " non-2xx/3xx responses: the target is"
                    + " not serving its page:\n" + out);
        }
        double rps = Double.parseDouble(rate.group(1));
        return new double[] {rps, childCpuSeconds(out) * 1e6 / (rps * seconds)};
    }

    /**
     * Runs {@code command} under bash followed by {@code times}, so the output ends with the CPU
     * its children used (see {@link #childCpuSeconds}); {@code args} become $0, $1, ...
     */
    private static String runUnderBash(String what, String command, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("bash", "-c", command + " && times"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(what + " failed:\n" + out);
        }
        return out;
    }

    /** The user + system CPU of bash's children, from the {@code times} line that ends the output; NaN if absent. */
    private static double childCpuSeconds(String out) {
        String[] lines = out.strip().split("\n");
        Matcher t = BASH_TIMES.matcher(lines[lines.length - 1]);
        if (!t.find()) {
            return Double.NaN;
        }
        return Integer.parseInt(t.group(1)) * 60 + Double.parseDouble(t.group(2))
                + Integer.parseInt(t.group(3)) * 60 + Double.parseDouble(t.group(4));
    }

    /** Failures beyond 1% (nginx closes a keep-alive connection every 1,000 requests) void the figures. */
    private static void requireFewFailures(String what, VirtualThreadLoops.Figures f, int seconds) {
        if (f.failures() > f.rate() * seconds / 100) {
            throw new IllegalStateException(what + ": " + f.failures() + " failed requests");
        }
    }

    /** Weft's HTTP engine alone: each loop a VU client sending GETs, no JS and no metric samples. */
    private static VirtualThreadLoops.Figures runEngine(String url, int vus, int seconds) throws Exception {
        HttpEngine engine = new HttpEngine(HttpModule.engineConfig(TestOptions.of(new JsonObject())),
                Clock.systemUTC());
        HttpRequest get = HttpRequest.get(url);
        return VirtualThreadLoops.measure(vus, 5, seconds, i -> {
            VuHttpClient client = engine.newVuClient();
            return new VirtualThreadLoops.Loop() {
                @Override
                public VirtualThreadLoops.Request request() {
                    return () -> {
                        HttpResponse r = client.send(get);
                        if (r.status() != 200) {
                            throw new IllegalStateException("status " + r.status() + " " + r.error());
                        }
                    };
                }

                @Override
                public void close() {
                    client.close();
                }
            };
        });
    }

    /** WEFT_K6_BINARY, else {@code k6} on the PATH, else null. */
    static String k6Binary() {
        String env = System.getenv("WEFT_K6_BINARY");
        if (env != null && !env.isBlank()) {
            return env;
        }
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "k6"))) {
                return Path.of(d, "k6").toString();
            }
        }
        return null;
    }

    /**
     * Runs a genuine k6 with the same script and VUs (its own warm-up included: k6 has no JIT to
     * warm); returns {req/s from its http_reqs rate, CPU us per request from bash's times}.
     */
    private static double[] runK6(String k6, Path script, String url, int vus, int seconds) throws Exception {
        String out = runUnderBash("k6", "\"$0\" run -q --no-usage-report --vus " + vus + " --duration " + seconds
                + "s -e URL=" + url + " \"$1\"", k6, script.toString());
        Matcher reqs = K6_REQS.matcher(out);
        if (!reqs.find()) {
            throw new IllegalStateException("no http_reqs in k6's summary:\n" + out);
        }
        Matcher checks = K6_CHECKS.matcher(out);
        if (checks.find() && Double.parseDouble(checks.group(1)) < 100) {
            throw new IllegalStateException("k6's checks passed only " + checks.group(1) + "%:\n" + out);
        }
        long count = Long.parseLong(reqs.group(1));
        double rps = Double.parseDouble(reqs.group(2));
        return new double[] {rps, childCpuSeconds(out) * 1e6 / count};
    }

    private static Path writeScript(Path dir) throws IOException {
        Path script = dir.resolve("get.js");
        Files.writeString(script, """
                import http from 'k6/http';
                import { check } from 'k6';
                export default function () {
                  const res = http.get(__ENV.URL);
                  check(res, { 'status is 200': (r) => r.status === 200 });
                }
                """);
        return script;
    }

    /** Returns {req/s, process CPU us per request, cores used} over the measured window. */
    private static VirtualThreadLoops.Figures runVus(Path script, String url, int vus, int seconds, int warmup)
            throws Exception {
        Path dir = script.getParent();
        TestOptions options = TestOptions.of(new JsonObject());
        HttpEngine engine = new HttpEngine(HttpModule.engineConfig(options), Clock.systemUTC());
        LongAdder failedChecks = new LongAdder();
        try (JsProgram program = JsProgram.load(script, BuiltinModules.create())) {
            TestServices services = new TestServices(Map.of("URL", url), options, MetricRegistry.withBuiltins(),
                    s -> {
                        if (s.value() == 0 && s.metric().name().equals("checks")) {
                            failedChecks.increment();
                        }
                    }, engine, Clock.systemUTC(), Tags.EMPTY, dir,
                    (level, text) -> System.err.println(level + ": " + text));
            JsVuFactory factory = new JsVuFactory(program, services);
            Tags tags = Tags.of("scenario", "default");
            VirtualThreadLoops.Figures f = VirtualThreadLoops.measure(vus, warmup, seconds, id -> {
                JsVu vu = factory.createOrThrow(id);
                long[] n = {0};
                return new VirtualThreadLoops.Loop() {
                    @Override
                    public VirtualThreadLoops.Request request() {
                        return () -> {
                            long i = n[0]++;
                            IterationOutcome o = vu.runIteration(new IterationContext("default", "default", i, i,
                                    tags, null));
                            if (o != IterationOutcome.COMPLETED) {
                                throw new IllegalStateException("iteration " + o);
                            }
                        };
                    }

                    @Override
                    public void close() {
                        vu.close();
                    }
                };
            });
            if (failedChecks.sum() > 0) {
                throw new IllegalStateException(failedChecks.sum() + " checks failed: the target did not answer 200");
            }
            if (f.failures() > 0) {
                System.err.println(f.failures() + " iterations or VUs failed");
            }
            return f;
        }
    }
}
