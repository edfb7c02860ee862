package dev.weft.bench;

import static dev.weft.metrics.BuiltinMetrics.CHECKS;
import static dev.weft.metrics.BuiltinMetrics.DATA_RECEIVED;
import static dev.weft.metrics.BuiltinMetrics.DATA_SENT;
import static dev.weft.metrics.BuiltinMetrics.HTTP_REQS;
import static dev.weft.metrics.BuiltinMetrics.HTTP_REQ_BLOCKED;
import static dev.weft.metrics.BuiltinMetrics.HTTP_REQ_CONNECTING;
import static dev.weft.metrics.BuiltinMetrics.HTTP_REQ_DURATION;
import static dev.weft.metrics.BuiltinMetrics.HTTP_REQ_FAILED;
import static dev.weft.metrics.BuiltinMetrics.HTTP_REQ_RECEIVING;
import static dev.weft.metrics.BuiltinMetrics.HTTP_REQ_SENDING;
import static dev.weft.metrics.BuiltinMetrics.HTTP_REQ_TLS_HANDSHAKING;
import static dev.weft.metrics.BuiltinMetrics.HTTP_REQ_WAITING;
import static dev.weft.metrics.BuiltinMetrics.ITERATIONS;
import static dev.weft.metrics.BuiltinMetrics.ITERATION_DURATION;

import dev.weft.metrics.Metric;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.output.Output;
import dev.weft.output.OutputFactory;
import dev.weft.output.OutputParams;
import dev.weft.output.influxdb.InfluxOutputFactory;
import dev.weft.output.json.JsonOutputFactory;
import dev.weft.output.opentelemetry.OtelOutputFactory;
import dev.weft.output.prometheus.PrometheusRwOutputFactory;
import dev.weft.output.statsd.StatsdOutputFactory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.DatagramSocket;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The CPU each streaming output adds per 1,000 samples/s, next to {@code --out json}. One thread
 * plays the pipeline's consumer: every 50 ms it hands the output a batch of k6-like HTTP samples
 * (14 per iteration: the request's trends, counters and rates with k6's tags), at a fixed rate for
 * a fixed time; the process's CPU time over the trial (start to stop, so the final push counts)
 * minus a trial without output is what the output costs. Receivers are real: a UDP socket that
 * does not read (statsd), Debian's influxd and prometheus, and an OTLP/HTTP sink JVM, each in its
 * own process (skipped when missing; their CPU is not counted). Rounds alternate the order; the median is printed.
 * Usage: {@code OutputsBench [samples/s=20000] [seconds=10] [rounds=2]}. Not a test.
 */
public final class OutputsBench {
    private OutputsBench() {
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.parseInt(args.length > 0 ? args[0] : "20000");
        int seconds = Integer.parseInt(args.length > 1 ? args[1] : "10");
        int rounds = Integer.parseInt(args.length > 2 ? args[2] : "2");
        Path tmp = Files.createTempDirectory("weft-outputs-bench");
        List<Process> servers = new ArrayList<>();
        try (DatagramSocket statsd = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Map<String, Trial> trials = new LinkedHashMap<>();
            trials.put("none", new Trial(null, "", Map.of()));
            trials.put("json", new Trial(new JsonOutputFactory(), tmp.resolve("out.json").toString(), Map.of()));
            trials.put("statsd", new Trial(new StatsdOutputFactory(), "", Map.of("K6_STATSD_ADDR",
                    "127.0.0.1:" + statsd.getLocalPort(), "K6_STATSD_ENABLE_TAGS", "true")));
            String influx = startInflux(tmp.resolve("influx"), servers);
            if (influx != null) {
                trials.put("influxdb", new Trial(InfluxOutputFactory.v1(), influx + "/bench", Map.of()));
            }
            String prom = startPrometheus(tmp.resolve("prom"), servers);
            if (prom != null) {
                trials.put("prometheus-rw", new Trial(new PrometheusRwOutputFactory(), "",
                        Map.of("K6_PROMETHEUS_RW_SERVER_URL", prom, "K6_PROMETHEUS_RW_PUSH_INTERVAL", "1s")));
            }
            String otlp = startOtlpSink(tmp.resolve("otlp"), servers);
            if (otlp != null) {
                trials.put("opentelemetry", new Trial(OtelOutputFactory.plain(), "", Map.of("K6_OTEL_EXPORTER_TYPE", "http",
                        "K6_OTEL_HTTP_EXPORTER_ENDPOINT", otlp, "K6_OTEL_HTTP_EXPORTER_INSECURE", "true")));
            }
            System.out.printf("outputs bench: %,d samples/s for %d s per trial, %d rounds; load average %s%n", rate,
                    seconds, rounds, loadAverage());
            run(trials, rate, 2, 1); // warm-up: JIT and connections, not reported
            Map<String, List<Double>> cpu = new HashMap<>();
            for (int r = 0; r < rounds; r++) {
                List<String> order = new ArrayList<>(trials.keySet());
                if (r % 2 == 1) {
                    java.util.Collections.reverse(order);
                }
                for (String name : order) {
                    double c = trials.get(name).cpuSeconds(rate, seconds);
                    cpu.computeIfAbsent(name, k -> new ArrayList<>()).add(c);
                }
            }
            double base = median(cpu.get("none"));
            // CPU ms per second at 1,000 samples/s is the same number as CPU µs per sample
            System.out.printf("%-14s %12s %30s %22s%n", "output", "CPU s/trial", "added CPU ms/s per 1k samples/s",
                    "share of one core");
            for (String name : trials.keySet()) {
                double c = median(cpu.get(name));
                double perThousand = Math.max(0, c - base) / seconds * 1000 / (rate / 1000.0);
                System.out.printf("%-14s %12.2f %30s %22s%n", name, c,
                        name.equals("none") ? "(generator alone: baseline)" : "%.2f".formatted(perThousand),
                        name.equals("none") ? "" : "%.2f%% per 1k/s".formatted(perThousand / 10));
            }
            System.out.printf("load average after: %s%n", loadAverage());
        } finally {
            for (Process p : servers) {
                p.destroy();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static void run(Map<String, Trial> trials, int rate, int seconds, int rounds) throws Exception {
        for (int r = 0; r < rounds; r++) {
            for (Trial t : trials.values()) {
                t.cpuSeconds(rate, seconds);
            }
        }
    }

    private record Trial(OutputFactory factory, String argument, Map<String, String> env) {
        /** Process CPU seconds for one trial of {@code seconds} at {@code rate} samples/s. */
        double cpuSeconds(int rate, int seconds) throws Exception {
            Output out = factory == null ? null : factory.create(new OutputParams(argument, Path.of("."), "bench.js", env,
                    50, Duration.ofSeconds(seconds), Map.of(), System.out));
            long cpu0 = processCpuNanos();
            if (out != null) {
                out.start();
            }
            Generator gen = new Generator();
            int perBatch = rate / 20;
            long start = System.nanoTime();
            for (int tick = 1; tick <= seconds * 20; tick++) {
                List<Sample> batch = gen.next(perBatch);
                if (out != null) {
                    out.addMetricSamples(batch);
                }
                long sleep = start + tick * 50_000_000L - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
            if (out != null) {
                out.stop();
            }
            return (processCpuNanos() - cpu0) / 1e9;
        }
    }

    /** k6-like samples: one iteration's request phases, counters and rates, with k6's tags. */
    private static final class Generator {
        private static final Metric[] TRENDS = {HTTP_REQ_DURATION, HTTP_REQ_BLOCKED, HTTP_REQ_CONNECTING,
            HTTP_REQ_TLS_HANDSHAKING, HTTP_REQ_SENDING, HTTP_REQ_WAITING, HTTP_REQ_RECEIVING};
        private final Tags[] requestTags = new Tags[50];
        private final Tags[] iterationTags = new Tags[50];
        private final Tags[] checkTags = new Tags[50];
        private long iteration;

        Generator() {
            for (int vu = 0; vu < 50; vu++) {
                requestTags[vu] = Tags.of("method", "GET", "status", "200", "name", "http://127.0.0.1:8080/get",
                        "url", "http://127.0.0.1:8080/get", "scenario", "default", "group", "", "proto", "HTTP/1.1",
                        "expected_response", "true", "vu", String.valueOf(vu + 1));
                iterationTags[vu] = Tags.of("scenario", "default", "group", "", "vu", String.valueOf(vu + 1));
                checkTags[vu] = Tags.of("scenario", "default", "group", "", "check", "ok", "vu", String.valueOf(vu + 1));
            }
        }

        List<Sample> next(int n) {
            List<Sample> out = new ArrayList<>(n + 14);
            long now = System.currentTimeMillis();
            while (out.size() < n) {
                int vu = (int) (iteration++ % 50);
                Tags req = requestTags[vu];
                for (int i = 0; i < TRENDS.length; i++) {
                    out.add(new Sample(TRENDS[i], req, now, i == 0 ? 1.5 + (iteration % 100) / 50.0 : 0.01 * i));
                }
                out.add(new Sample(HTTP_REQS, req, now, 1));
                out.add(new Sample(HTTP_REQ_FAILED, req, now, 0));
                out.add(new Sample(CHECKS, checkTags[vu], now, 1));
                out.add(new Sample(DATA_SENT, iterationTags[vu], now, 87));
                out.add(new Sample(DATA_RECEIVED, iterationTags[vu], now, 412));
                out.add(new Sample(ITERATIONS, iterationTags[vu], now, 1));
                out.add(new Sample(ITERATION_DURATION, iterationTags[vu], now, 2.1));
            }
            return out;
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return String.join(" ", Arrays.copyOf(parts, 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * An OTLP/HTTP sink in its own JVM (so its CPU is not counted): reads each request and answers 200.
     * Returns host:port, or null when it does not start.
     */
    private static String startOtlpSink(Path dir, List<Process> servers) throws Exception {
        Files.createDirectories(dir);
        Path source = dir.resolve("OtlpSink.java");
        Files.writeString(source, """
                import com.sun.net.httpserver.HttpServer;
                import java.net.InetAddress;
                import java.net.InetSocketAddress;
                public class OtlpSink {
                    public static void main(String[] args) throws Exception {
                        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                                Integer.parseInt(args[0])), 0);
                        s.createContext("/", ex -> {
                            ex.getRequestBody().readAllBytes();
                            ex.sendResponseHeaders(200, -1);
                            ex.close();
                        });
                        s.start();
                    }
                }
                """);
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        servers.add(new ProcessBuilder(java, source.toString(), String.valueOf(port)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log").toFile()).start());
        return awaitHttp("http://127.0.0.1:" + port + "/") ? "127.0.0.1:" + port : null;
    }

    /** Debian's influxd on a free loopback port; null (with a note) when not installed. */
    private static String startInflux(Path dir, List<Process> servers) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/influxd"))) {
            System.out.println("influxd not installed: influxdb skipped");
            return null;
        }
        Files.createDirectories(dir);
        int http = freePort();
        Files.writeString(dir.resolve("influxdb.conf"), """
                reporting-disabled = true
                bind-address = "127.0.0.1:%d"
                [meta]
                  dir = "%s/meta"
                [data]
                  dir = "%s/data"
                  wal-dir = "%s/wal"
                  query-log-enabled = false
                [monitor]
                  store-enabled = false
                [http]
                  bind-address = "127.0.0.1:%d"
                  log-enabled = false
                """.formatted(freePort(), dir, dir, dir, http));
        servers.add(new ProcessBuilder("/usr/bin/influxd", "run", "-config", dir.resolve("influxdb.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start());
        return awaitHttp("http://127.0.0.1:" + http + "/ping") ? "http://127.0.0.1:" + http : null;
    }

    /** Debian's prometheus with the remote-write receiver; null (with a note) when not installed. */
    private static String startPrometheus(Path dir, List<Process> servers) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/prometheus"))) {
            System.out.println("prometheus not installed: prometheus-rw skipped");
            return null;
        }
        Files.createDirectories(dir);
        int port = freePort();
        Files.writeString(dir.resolve("prometheus.yml"), "global:\n  scrape_interval: 1h\n");
        servers.add(new ProcessBuilder("/usr/bin/prometheus", "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port,
                "--web.enable-remote-write-receiver").redirectErrorStream(true)
                .redirectOutput(dir.resolve("log").toFile()).start());
        return awaitHttp("http://127.0.0.1:" + port + "/-/ready") ? "http://127.0.0.1:" + port + "/api/v1/write" : null;
    }

    private static boolean awaitHttp(String url) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
                c.setConnectTimeout(500);
                if (c.getResponseCode() < 500) {
                    return true;
                }
            } catch (IOException notYet) {
                // not up yet
            }
            Thread.sleep(100);
        }
        System.out.println(url + " did not answer within 60 s: skipped");
        return false;
    }
}
