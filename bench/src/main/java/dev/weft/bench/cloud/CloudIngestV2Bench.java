package dev.weft.bench.cloud;

import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.CreateTestRunResponse;
import dev.weft.cloud.wire.TestFinishedRequest;
import dev.weft.cloud.wire.TestRunRequest;
import dev.weft.cloud.wire.WireJson;
import dev.weft.cloud.wire.v2.CounterValue;
import dev.weft.cloud.wire.v2.K6Hdr;
import dev.weft.cloud.wire.v2.Label;
import dev.weft.cloud.wire.v2.Metric;
import dev.weft.cloud.wire.v2.MetricSet;
import dev.weft.cloud.wire.v2.MetricType;
import dev.weft.cloud.wire.v2.MetricsV2;
import dev.weft.cloud.wire.v2.RateValue;
import dev.weft.cloud.wire.v2.SampleValue;
import dev.weft.cloud.wire.v2.TimeSeries;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * v2 ingest of the results service with many runs streaming at once, as k6 v1 streams: the
 * service runs alone in a child JVM ({@link BenchService}, heap from {@code WEFT_SERVICE_HEAP},
 * default {@code -Xmx512m}) so its RSS is its own; {@code runs} virtual threads each create a run
 * and push {@code batches} snappy protobuf bodies of {@code series} time series (one data-second
 * per body; a quarter each of trend histograms, counters, rates and counters again, over
 * distinct URL tags), chunked like Go's client, as fast as the service answers. Prints
 * batches/s, series/s, latency and the service's RSS (now and peak). Loopback only; bounded
 * by the counts. Usage: {@code [runs=50] [batches=60] [series=200] [--db url user password]}.
 */
public final class CloudIngestV2Bench {
    private CloudIngestV2Bench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = intArg(args, 0, 50);
        int batches = intArg(args, 1, 60);
        int series = intArg(args, 2, 200);
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.add(System.getenv().getOrDefault("WEFT_SERVICE_HEAP", "-Xmx512m"));
        command.addAll(List.of("--sun-misc-unsafe-memory-access=allow", "-cp", System.getProperty("java.class.path"),
                BenchService.class.getName()));
        int db = List.of(args).indexOf("--db");
        if (db >= 0) {
            command.addAll(List.of(args[db + 1], args[db + 2], args[db + 3]));
        }
        java.nio.file.Path serviceLog = java.nio.file.Files.createTempFile("weft-bench-service", ".log");
        Process service = new ProcessBuilder(command).redirectError(serviceLog.toFile()).start();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            String[] urlToken = readServiceLine(service);
            List<MetricSet> sets = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                sets.add(batch(b, series));
            }
            byte[] first = MetricsV2.encode(sets.get(0));
            long[] rssIdle = BenchService.rssKiB(service.pid());
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicLong failures = new AtomicLong();
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                int run = r;
                threads.add(Thread.ofVirtual().start(() -> stream(http, urlToken[0], urlToken[1], run, sets, latencies,
                        failures)));
            }
            long peakDuring = 0;
            for (Thread t : threads) {
                while (!t.join(java.time.Duration.ofMillis(200))) {
                    peakDuring = Math.max(peakDuring, BenchService.rssKiB(service.pid())[0]);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] rss = BenchService.rssKiB(service.pid());
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            long sent = (long) runs * batches;
            System.out.printf("database:        %s%n", db >= 0 ? args[db + 1] : "H2 (embedded, temp dir)");
            System.out.printf("runs streaming:  %d, %d v2 batches each, %d series per batch (%,d bytes snappy)%n",
                    runs, batches, series, first.length);
            System.out.printf("ingest:          %,.0f batches/s, %,.0f series/s (%.1f s, %d failed)%n",
                    sent / seconds, sent * series / seconds, seconds, failures.get());
            System.out.printf("latency:         p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", pct(sorted, 50), pct(sorted, 99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
            System.out.printf("service RSS:     %,d KiB idle, %,d KiB highest sampled while streaming, %,d KiB peak (VmHWM), %s%n",
                    rssIdle[0], peakDuring, rss[1], System.getenv().getOrDefault("WEFT_SERVICE_HEAP", "-Xmx512m"));
            System.out.printf("service log:     %s%n", serviceLog);
        } finally {
            service.getOutputStream().close();
            if (!service.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                service.destroy();
            }
        }
    }

    private static String[] readServiceLine(Process service) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null || line.split(" ").length != 2) {
            throw new IOException("the service did not start (printed: " + line + ")");
        }
        return line.split(" ");
    }

    private static void stream(HttpClient http, String base, String token, int run, List<MetricSet> sets,
            ConcurrentLinkedQueue<Long> latencies, AtomicLong failures) {
        try {
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + CloudApi.TESTS_PATH))
                    .header(CloudApi.AUTHORIZATION_HEADER, CloudApi.authorization(token))
                    .POST(HttpRequest.BodyPublishers.ofString(WireJson.GSON.toJson(
                            new TestRunRequest("bench " + run, null, 100, Map.of(), 60)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            String id = WireJson.GSON.fromJson(created.body(), CreateTestRunResponse.class).referenceId();
            for (MetricSet set : sets) {
                byte[] body = MetricsV2.encode(new MetricSet(id, set.aggregationPeriodSeconds(), set.metrics()));
                long t0 = System.nanoTime();
                HttpResponse<String> r;
                try {
                    r = http.send(HttpRequest.newBuilder(URI.create(base + MetricsV2.PATH_PREFIX + id))
                            .timeout(java.time.Duration.ofSeconds(120))
                            .header(CloudApi.AUTHORIZATION_HEADER, CloudApi.authorization(token))
                            .header("Content-Type", MetricsV2.CONTENT_TYPE)
                            .header("Content-Encoding", MetricsV2.CONTENT_ENCODING)
                            .header(MetricsV2.PROTOCOL_VERSION_HEADER, MetricsV2.PROTOCOL_VERSION)
                            .header(CloudApi.IDEMPOTENCY_KEY_HEADER, UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    System.err.println("run " + run + ": push failed: " + e);
                    failures.incrementAndGet();
                    continue;
                }
                latencies.add(System.nanoTime() - t0);
                if (r.statusCode() != 200) {
                    failures.incrementAndGet();
                }
            }
            http.send(HttpRequest.newBuilder(URI.create(base + CloudApi.TEST_PATH_PREFIX + id))
                    .header(CloudApi.AUTHORIZATION_HEADER, CloudApi.authorization(token))
                    .POST(HttpRequest.BodyPublishers.ofString(WireJson.GSON.toJson(new TestFinishedRequest(0, 3, Map.of()))))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            failures.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One data-second of {@code series} time series over four metrics and distinct URL tags. */
    private static MetricSet batch(int second, int series) {
        // seconds just behind now: the service refuses samples more than an hour outside a run
        long time = System.currentTimeMillis() / 1000 - 120 + second;
        K6Hdr hdr = new K6Hdr();
        for (int i = 0; i < 400; i++) {
            hdr.add(5 + (i * 7919 % 3000) / 3.0);
        }
        SampleValue trend = hdr.toValue(time);
        String[] names = {"http_req_duration", "http_reqs", "http_req_failed", "data_received"};
        MetricType[] types = {MetricType.TREND, MetricType.COUNTER, MetricType.RATE, MetricType.COUNTER};
        List<Metric> metrics = new ArrayList<>();
        for (int m = 0; m < names.length; m++) {
            List<TimeSeries> ts = new ArrayList<>();
            for (int i = m; i < series; i += names.length) {
                List<Label> labels = List.of(new Label("method", "GET"), new Label("status", "200"),
                        new Label("url", "http://127.0.0.1/item/" + (i / names.length)));
                SampleValue v = switch (types[m]) {
                    case TREND -> trend;
                    case RATE -> new RateValue(time, 3, 400);
                    default -> new CounterValue(time, m == 1 ? 400 : 400 * 50.0);
                };
                ts.add(new TimeSeries(labels, List.of(v)));
            }
            metrics.add(new Metric(names[m], types[m], ts));
        }
        return new MetricSet("", 1, metrics);
    }

    private static int intArg(String[] args, int i, int fallback) {
        return args.length > i && !args[i].startsWith("--") ? Integer.parseInt(args[i]) : fallback;
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
    }
}
