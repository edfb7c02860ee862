package dev.weft.bench.cloud;

import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.output.OutputParams;
import dev.weft.output.cloud.CloudConfig;
import dev.weft.output.cloud.CloudOutput;
import dev.weft.output.cloud.CloudOutputStats;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The runner's memory when the results service stalls: {@code series} distinct URL series
 * (http_reqs and http_req_duration each) get one request every data-second for
 * {@code seconds} data-seconds, into a cloud output whose service accepts connections and
 * never answers (in-process, loopback). Data-seconds are simulated (timestamps in the past),
 * so the run takes as long as the CPU needs, not {@code seconds}. Every tenth of the way it
 * prints heap after GC, RSS, what waits, what was merged and dropped; at the end the
 * output's own end line. Bounded by the counts given.
 *
 * <p>Usage: {@code bench/run cloud-stalled [series=100000] [seconds=60] [buffer, e.g. 64MB]}
 */
public final class StalledCloudBench {
    private StalledCloudBench() {
    }

    public static void main(String[] args) throws Exception {
        int series = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        String buffer = args.length > 2 ? args[2] : "";
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            Map<String, String> env = new java.util.HashMap<>(Map.of(
                    "K6_CLOUD_HOST", "http://127.0.0.1:" + silent.getLocalPort(), "K6_CLOUD_TOKEN", "bench",
                    "K6_CLOUD_PUSH_REF_ID", "1", "K6_CLOUD_TIMEOUT", "5s", "WEFT_CLOUD_STOP_TIMEOUT", "2s",
                    "XDG_CONFIG_HOME", Files.createTempDirectory("weft-bench").toString()));
            if (!buffer.isEmpty()) {
                env.put("WEFT_CLOUD_BUFFER", buffer);
            }
            CloudConfig config = CloudConfig.resolve(env);
            CloudOutput output = new CloudOutput(config, new OutputParams("", Path.of("."), "bench.js", env, 1,
                    Duration.ofSeconds(seconds), Map.of(), out), Clock.systemUTC());
            output.start();
            out.printf("stalled service, %d series x 2 metrics, %d data-seconds, buffer %d MB, max heap %d MB%n",
                    series, seconds, config.bufferBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20);
            out.println("data-s  measured   waiting    merged   dropped  heapAfterGC-MB  RSS-MB");
            long start = System.currentTimeMillis() - (seconds + 5) * 1000L;
            long t0 = System.nanoTime();
            for (int s = 0; s < seconds; s++) {
                long time = start + s * 1000L;
                for (int from = 0; from < series; from += 10_000) {
                    List<Sample> batch = new ArrayList<>(20_000);
                    for (int i = from; i < Math.min(series, from + 10_000); i++) {
                        Tags tags = Tags.of("url", "http://service.test/items/" + i, "method", "GET", "status", "200",
                                "name", "http://service.test/items/" + i);
                        batch.add(new Sample(BuiltinMetrics.HTTP_REQS, tags, time + i % 1000, 1));
                        batch.add(new Sample(BuiltinMetrics.HTTP_REQ_DURATION, tags, time + i % 1000,
                                2 + (i * 7 + s) % 500 * 0.31));
                    }
                    output.addMetricSamples(batch);
                }
                if ((s + 1) % Math.max(1, seconds / 10) == 0 || s == seconds - 1) {
                    print(out, s + 1, output.stats());
                }
            }
            out.printf("fed in %.1f s wall, %.1f s CPU (load average %s)%n", (System.nanoTime() - t0) / 1e9,
                    ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toMillis() / 1e3,
                    Files.readString(Path.of("/proc/loadavg")).trim());
            output.stop();
            CloudOutputStats st = output.stats();
            out.printf("after stop: measured %d, dropped %d %s, merged %d%n", st.measuredSamples(),
                    st.totalDroppedSamples(), st.droppedSamples(), st.mergedSlots());
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    private static void print(PrintStream out, int second, CloudOutputStats s) throws IOException {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        out.printf("%6d %9d %9d %9d %9d %15d %7d%n", second, s.measuredSamples(), s.waitingSamples(),
                s.mergedSlots(), s.totalDroppedSamples(), heap >> 20, rssMb());
    }

    private static long rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
            }
        }
        return -1;
    }
}
