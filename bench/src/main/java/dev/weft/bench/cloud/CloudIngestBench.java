package dev.weft.bench.cloud;

import dev.weft.cloud.ResultsService;
import dev.weft.cloud.ServiceConfig;
import dev.weft.cloud.account.Principal;
import dev.weft.cloud.wire.AggregateData;
import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.CreateTestRunResponse;
import dev.weft.cloud.wire.SampleTypes;
import dev.weft.cloud.wire.TestFinishedRequest;
import dev.weft.cloud.wire.TestRunRequest;
import dev.weft.cloud.wire.TrendDigest;
import dev.weft.cloud.wire.WireJson;
import dev.weft.cloud.wire.WireSample;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * Ingest throughput and memory of the results service with many runs streaming at once.
 * Starts the service in-process (embedded H2 in a temp dir, or {@code --db URL user password}),
 * then {@code runs} virtual threads each create a run and post {@code batches} gzip batches of
 * {@code aggregates} Weft aggregates (one data-second per batch, as the cloud output sends),
 * as fast as the service answers. Prints batches/s, aggregates/s, request latency percentiles
 * and heap after GC. Loopback only; bounded by the counts given.
 * Usage: {@code CloudIngestBench [runs=50] [batches=100] [aggregates=40] [--db url user password]}.
 */
public final class CloudIngestBench {
    private CloudIngestBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 50;
        int batches = args.length > 1 && !args[1].startsWith("--") ? Integer.parseInt(args[1]) : 100;
        int aggregates = args.length > 2 && !args[2].startsWith("--") ? Integer.parseInt(args[2]) : 40;
        int db = Arrays.asList(args).indexOf("--db");
        Path dir = Files.createTempDirectory("weft-cloud-bench");
        ServiceConfig config = ServiceConfig.defaults().withPort(0).withPasswordIterations(1000)
                .withDatabase(ServiceConfig.defaultJdbcUrl(dir), null, null);
        if (db >= 0) {
            config = config.withDatabase(args[db + 1], args[db + 2], args[db + 3]);
        }
        long heapBefore = heapAfterGc();
        try (ResultsService service = ResultsService.start(config);
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            Principal p = service.accounts().createUser(service.accounts().organisation("bench"), "bench@localhost", "pw");
            String token = service.accounts().createToken(p);
            List<byte[]> bodies = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                bodies.add(gzip(WireJson.GSON.toJson(batch(b, aggregates)).getBytes(StandardCharsets.UTF_8)));
            }
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicLong failures = new AtomicLong();
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                int run = r;
                threads.add(Thread.ofVirtual().start(() -> stream(http, service.baseUrl(), token, run, bodies,
                        latencies, failures)));
            }
            for (Thread t : threads) {
                t.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long heapDuring = heapAfterGc();
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            long sent = (long) runs * batches;
            System.out.printf("database:        %s%n", config.jdbcUrl());
            System.out.printf("runs streaming:  %d, %d batches each, %d aggregates per batch (%,d bytes gzip)%n",
                    runs, batches, aggregates, bodies.get(0).length);
            System.out.printf("ingest:          %,.0f batches/s, %,.0f aggregates/s (%.1f s, %d failed)%n",
                    sent / seconds, sent * aggregates / seconds, seconds, failures.get());
            System.out.printf("latency:         p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", pct(sorted, 50), pct(sorted, 99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
            System.out.printf("heap after GC:   %,d KiB before start, %,d KiB after %d runs (client included)%n",
                    heapBefore / 1024, heapDuring / 1024, runs);
        }
    }

    private static void stream(HttpClient http, String base, String token, int run, List<byte[]> bodies,
            ConcurrentLinkedQueue<Long> latencies, AtomicLong failures) {
        try {
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + CloudApi.TESTS_PATH))
                    .header(CloudApi.AUTHORIZATION_HEADER, CloudApi.authorization(token))
                    .POST(HttpRequest.BodyPublishers.ofString(WireJson.GSON.toJson(
                            new TestRunRequest("bench " + run, null, 100, Map.of(), 60)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            String id = WireJson.GSON.fromJson(created.body(), CreateTestRunResponse.class).referenceId();
            for (byte[] body : bodies) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + CloudApi.METRICS_PATH_PREFIX + id))
                        .header(CloudApi.AUTHORIZATION_HEADER, CloudApi.authorization(token))
                        .header("Content-Encoding", "gzip")
                        .header(CloudApi.IDEMPOTENCY_KEY_HEADER, UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
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

    /** One data-second: a trend with a digest, counters and a rate, spread over tag sets. */
    private static List<WireSample> batch(int second, int aggregates) {
        // now-ish: the service refuses samples far outside the run's time
        long micros = (System.currentTimeMillis() / 1000 - 60 + second) * 1_000_000L;
        TrendDigest digest = new TrendDigest();
        for (int i = 0; i < 400; i++) {
            digest.record(5 + (i * 7919 % 300) / 3.0);
        }
        String histogram = digest.encode();
        String[] metrics = {"http_req_duration", "http_reqs", "http_req_failed", "data_received"};
        String[] types = {"trend", "counter", "rate", "counter"};
        List<WireSample> out = new ArrayList<>();
        for (int i = 0; i < aggregates; i++) {
            int m = i % metrics.length;
            Map<String, String> tags = Map.of("status", "200", "url", "http://127.0.0.1/item/" + (i / metrics.length),
                    "method", "GET");
            out.add(WireSample.of(SampleTypes.AGGREGATE, metrics[m], new AggregateData(micros, types[m], tags, 400,
                    m == 2 ? 3 : 400 * 50.0, 5, 105, 42, m == 0 ? histogram : null)));
        }
        return out;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
    }

    private static long heapAfterGc() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
