package dev.weft.bench;

import dev.weft.executor.ConstantArrivalRate;
import dev.weft.executor.ExecutionState;
import dev.weft.executor.Scenario;
import dev.weft.http.HttpClientConfig;
import dev.weft.http.HttpEngine;
import dev.weft.http.HttpRequest;
import dev.weft.http.VuHttpClient;
import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Tags;
import dev.weft.target.TargetServer;
import dev.weft.vu.IterationContext;
import dev.weft.vu.IterationOutcome;
import dev.weft.vu.Vu;
import dev.weft.vu.VuPool;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Runs constant-arrival-rate with no-op VUs (after a 2 s warm-up) and prints the achieved
 * rate, dropped iterations and the start lag: how long after its scheduled start each
 * iteration began on its VU, p50/p99/p99.9/max. Usage: {@code ArrivalRateBench [rate=20000] [seconds=10]
 * [preAllocatedVUs=50] [maxVUs=200] [noop|http]}; {@code http} makes every iteration a GET to
 * the local target (in this process) through Weft's HTTP engine, without JS. Not a test:
 * figures vary by machine and load.
 */
public final class ArrivalRateBench {
    private ArrivalRateBench() {
    }

    public static void main(String[] args) throws Exception {
        long rate = Long.parseLong(args.length > 0 ? args[0] : "20000");
        int seconds = Integer.parseInt(args.length > 1 ? args[1] : "10");
        int pre = Integer.parseInt(args.length > 2 ? args[2] : "50");
        int max = Integer.parseInt(args.length > 3 ? args[3] : "200");
        boolean http = args.length > 4 && args[4].equals("http");
        AtomicInteger count = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        try (TargetServer target = http ? TargetServer.startOnLoopback() : null) {
            HttpEngine engine = new HttpEngine(HttpClientConfig.defaults(), Clock.systemUTC());
            String url = http ? target.baseUrl() + "/get" : null;
            try (VuPool pool = VuPool.initialise(max, id -> http ? new HttpVu(id, count, failed, engine.newVuClient(), url)
                    : new NoOpVu(id, count))) {
                run(pool, rate, 2, pre, max, count, null, http); // warm-up: JIT, carrier threads
                count.set(0);
                failed.set(0);
                run(pool, rate, seconds, pre, max, count, new long[(int) (rate * seconds) + 16], http);
            }
            if (http) {
                System.out.printf("failed requests: %d%n", failed.get());
            }
        }
    }

    private static void run(VuPool pool, long rate, int seconds, int pre, int max, AtomicInteger count, long[] lags,
            boolean http) throws InterruptedException {
        DoubleAdder dropped = new DoubleAdder();
        AtomicInteger lagCount = new AtomicInteger();
        ExecutionState state = new ExecutionState(pool, s -> {
            if (s.metric().equals(BuiltinMetrics.DROPPED_ITERATIONS)) {
                dropped.add(s.value());
            }
        }, Clock.systemUTC(), Tags.EMPTY, null);
        Scenario scenario = new Scenario("bench", ConstantArrivalRate.TYPE, "default", Duration.ZERO,
                Duration.ofSeconds(5), Map.of(), Tags.EMPTY);
        ConstantArrivalRate executor = new ConstantArrivalRate(scenario, new ConstantArrivalRate.Config(rate,
                Duration.ofSeconds(1), Duration.ofSeconds(seconds), pre, max));
        if (lags != null) {
            executor.onStartLag(lag -> {
                int i = lagCount.getAndIncrement();
                if (i < lags.length) {
                    lags[i] = lag;
                }
            });
        }
        long t0 = System.nanoTime();
        Thread scenarioThread = Thread.ofVirtual().name("scenario-bench").start(() -> {
            try {
                executor.run(state);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        scenarioThread.join();
        long wall = System.nanoTime() - t0;
        if (lags != null) {
            report(rate, seconds, count.get(), Arrays.copyOf(lags, Math.min(lagCount.get(), lags.length)),
                    (long) dropped.sum(), wall, http ? "HTTP GET to the local target" : "no-op VUs");
        }
    }

    private static void report(long rate, int seconds, int started, long[] lag, long dropped, long wallNanos,
            String what) {
        Arrays.sort(lag);
        int n = lag.length;
        System.out.printf("constant-arrival-rate %d/s for %ds, %s, %d cores (after a 2 s warm-up)%n", rate,
                seconds, what, Runtime.getRuntime().availableProcessors());
        System.out.printf("iterations started: %d of %d scheduled, dropped: %d%n", started, rate * seconds, dropped);
        System.out.printf("achieved rate: %.1f/s (wall %.3f s incl. the graceful end)%n",
                started / (double) seconds, wallNanos / 1e9);
        if (n > 0) {
            System.out.printf("start lag (VU began - scheduled start): p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n",
                    lag[n / 2] / 1e6, lag[(int) Math.min(n - 1, Math.floor(n * 0.99))] / 1e6,
                    lag[(int) Math.min(n - 1, Math.floor(n * 0.999))] / 1e6, lag[n - 1] / 1e6);
        }
    }

    /** A VU whose iteration is one GET through its own connection pool; a non-200 counts as failed. */
    private record HttpVu(int id, AtomicInteger count, AtomicInteger failed, VuHttpClient client, String url)
            implements Vu {
        @Override
        public IterationOutcome runIteration(IterationContext context) {
            count.incrementAndGet();
            if (client.send(HttpRequest.get(url)).status() != 200) {
                failed.incrementAndGet();
            }
            client.endIteration();
            return IterationOutcome.COMPLETED;
        }

        @Override
        public void interrupt() {
        }

        @Override
        public void close() {
            client.close();
        }
    }

    /** A VU whose iteration only notes when it began. */
    private record NoOpVu(int id, AtomicInteger count) implements Vu {
        @Override
        public IterationOutcome runIteration(IterationContext context) {
            count.incrementAndGet();
            return IterationOutcome.COMPLETED;
        }

        @Override
        public void interrupt() {
        }

        @Override
        public void close() {
        }
    }
}
