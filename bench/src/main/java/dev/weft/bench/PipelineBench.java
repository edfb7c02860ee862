package dev.weft.bench;

import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Metric;
import dev.weft.metrics.MetricAggregates;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.pipeline.SamplePipeline;
import dev.weft.summary.GroupTree;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Pushes N million samples from 100 virtual threads through a real {@link SamplePipeline} into
 * the metric aggregates and group tree, then prints samples/s, drops and heap after GC.
 * Usage: {@code PipelineBench [millions=10] [threads=100]}. Not a test: figures vary by machine.
 */
public final class PipelineBench {
    private PipelineBench() {
    }

    public static void main(String[] args) throws Exception {
        long total = (long) (Double.parseDouble(args.length > 0 ? args[0] : "10") * 1_000_000);
        int threads = Integer.parseInt(args.length > 1 ? args[1] : "100");
        MetricAggregates aggregates = new MetricAggregates();
        aggregates.addDefaultSubmetrics();
        GroupTree groups = new GroupTree();
        SamplePipeline pipeline = SamplePipeline.builder().ingester(aggregates::ingest).ingester(groups::ingest)
                .flushInterval(Duration.ofMillis(50)).build();
        pipeline.start();
        Metric[] metrics = {BuiltinMetrics.HTTP_REQ_DURATION, BuiltinMetrics.HTTP_REQS, BuiltinMetrics.CHECKS,
            BuiltinMetrics.DATA_RECEIVED};
        Tags tags = Tags.of("status", "200", "method", "GET", "url", "http://127.0.0.1/", "expected_response", "true",
                "check", "ok", "group", "");
        long perThread = total / threads;
        long start = System.nanoTime();
        List<Thread> vus = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            vus.add(Thread.ofVirtual().start(() -> {
                for (long i = 0; i < perThread; i++) {
                    pipeline.push(new Sample(metrics[(int) (i & 3)], tags, 0, (i % 1000) * 0.37));
                }
            }));
        }
        for (Thread t : vus) {
            t.join();
        }
        long pushedNanos = System.nanoTime() - start;
        pipeline.close();
        long doneNanos = System.nanoTime() - start;
        long pushed = perThread * threads;
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heap = rt.totalMemory() - rt.freeMemory();
        System.out.printf("pushed %,d samples from %d virtual threads%n", pushed, threads);
        System.out.printf("push rate:     %,.0f samples/s (%.2f s)%n", pushed / (pushedNanos / 1e9), pushedNanos / 1e9);
        System.out.printf("drained rate:  %,.0f samples/s (%.2f s until close returned)%n",
                pushed / (doneNanos / 1e9), doneNanos / 1e9);
        System.out.printf("dropped:       %,d%n", pipeline.droppedSamples());
        System.out.printf("heap after GC: %,d KiB (max %,d MiB, JVM %s)%n", heap / 1024, rt.maxMemory() >> 20,
                ManagementFactory.getRuntimeMXBean().getVmVersion());
    }
}
