package dev.weft.output.cloud;

import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.output.OutputParams;
import dev.weft.pipeline.SamplePipeline;
import dev.weft.pipeline.TimeSeriesLimit;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process {@link StalledServiceTest} starts under a small heap: a run whose every request
 * has its own URL tag streams into a service that accepts connections and never answers.
 * Samples go through the real sample pipeline (with the time-series warning) into the cloud
 * output; at the end it prints the output's end line and one {@code DRILL} line of counters.
 *
 * <p>Arguments: service URL, distinct tag values, seconds the timestamps spread over.
 */
public final class StalledServiceDrill {
    private StalledServiceDrill() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int distinct = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("K6_CLOUD_HOST", url, "K6_CLOUD_TOKEN", "drill",
                "K6_CLOUD_PUSH_REF_ID", "1", "K6_CLOUD_METRIC_PUSH_INTERVAL", "100ms", "K6_CLOUD_TIMEOUT", "2s",
                "WEFT_CLOUD_STOP_TIMEOUT", "3s", "XDG_CONFIG_HOME", System.getProperty("java.io.tmpdir"));
        CloudOutput output = new CloudOutput(CloudConfig.resolve(env), new OutputParams("", Path.of("."), "drill.js",
                env, 1, Duration.ofSeconds(seconds), Map.of(), out), Clock.systemUTC());
        AtomicInteger warnings = new AtomicInteger();
        TimeSeriesLimit limit = new TimeSeriesLimit(w -> {
            warnings.incrementAndGet();
            out.println("WARN " + w);
        });
        SamplePipeline pipeline = SamplePipeline.builder().ingester(limit).output(output)
                .flushInterval(Duration.ZERO).build();
        pipeline.start();
        long start = System.currentTimeMillis() - seconds * 1000L;
        int perSecond = Math.max(1, distinct / seconds);
        long peakHeap = 0;
        for (int from = 0; from < distinct; from += 10_000) {
            List<Sample> batch = new ArrayList<>(20_000);
            for (int i = from; i < Math.min(distinct, from + 10_000); i++) {
                Tags tags = Tags.of("url", "http://service.test/items/" + i + "?session=" + Integer.toHexString(i * 31),
                        "method", "GET", "status", "200", "name", "item " + i);
                long t = start + (long) (i / perSecond) * 1000L + i % 1000;
                batch.add(new Sample(BuiltinMetrics.HTTP_REQS, tags, t, 1));
                batch.add(new Sample(BuiltinMetrics.HTTP_REQ_DURATION, tags, t, 1 + i % 997 * 0.37));
            }
            pipeline.pushAll(batch);
            pipeline.flush();
            Runtime rt = Runtime.getRuntime();
            peakHeap = Math.max(peakHeap, rt.totalMemory() - rt.freeMemory());
        }
        pipeline.close(null);
        CloudOutputStats s = output.stats();
        out.println("DRILL measured=" + s.measuredSamples() + " confirmed=" + s.confirmedSamples() + " dropped="
                + s.totalDroppedSamples() + " reasons=" + s.droppedSamples() + " merged=" + s.mergedSlots()
                + " series=" + limit.count() + " warnings=" + warnings.get() + " pipelineDropped="
                + pipeline.droppedSamples() + " peakHeapMB=" + (peakHeap >> 20) + " maxHeapMB="
                + (Runtime.getRuntime().maxMemory() >> 20));
    }
}
