package dev.weft.bench;

import dev.weft.executor.ConstantVus;
import dev.weft.executor.Scenario;
import dev.weft.js.JsProgram;
import dev.weft.js.JsSetupTeardown;
import dev.weft.js.JsVuFactory;
import dev.weft.js.module.BuiltinModules;
import dev.weft.js.module.TestServices;
import dev.weft.lifecycle.RunResult;
import dev.weft.lifecycle.TestRun;
import dev.weft.metrics.MetricRegistry;
import dev.weft.metrics.Tags;
import dev.weft.options.TestOptions;
import dev.weft.pipeline.SamplePipeline;
import com.google.gson.JsonObject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * VU start-up and memory: N VUs (default 10,000) that only sleep, run for a while through the
 * real lifecycle. Prints how long initialising them took, the process CPU used until then (start-up,
 * JIT and GC included), the heap left after a full collection once all are made (per VU: the
 * contexts, nearly all of it) and the process RSS while they sleep.
 * Usage: {@code bench/run vu-startup [vus] [seconds]}. Targets (issue 2): init <= 2 s, RSS <= 580 MB.
 */
public final class VuStartupBench {
    private VuStartupBench() {
    }

    public static void main(String[] args) throws Exception {
        int vus = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = Files.createTempDirectory("weft-vu-bench");
        Path script = dir.resolve("sleep.js");
        Files.writeString(script, """
                import { sleep } from 'k6';
                export default function () {
                  sleep(1);
                }
                """);
        SamplePipeline pipeline = SamplePipeline.builder().build();
        pipeline.start();
        try (JsProgram program = JsProgram.load(script, BuiltinModules.create())) {
            TestServices services = new TestServices(Map.of(), TestOptions.of(new JsonObject()),
                    MetricRegistry.withBuiltins(), pipeline, null, Clock.systemUTC(), Tags.EMPTY, dir,
                    (level, text) -> System.err.println(level + ": " + text));
            JsVuFactory factory = new JsVuFactory(program, services);
            Scenario scenario = new Scenario("default", ConstantVus.TYPE, "default", Duration.ZERO,
                    Duration.ofSeconds(5), Map.of(), Tags.EMPTY);
            TestRun.Plan plan = new TestRun.Plan(List.of(new ConstantVus(scenario,
                    new ConstantVus.Config(vus, Duration.ofSeconds(seconds)))), false, false,
                    Duration.ofSeconds(60), Duration.ofSeconds(60), Tags.EMPTY);
            AtomicLong maxRss = new AtomicLong();
            TestRun run = new TestRun(plan, factory, new JsSetupTeardown(factory, false, false), pipeline,
                    Clock.systemUTC());
            long[] initCpuNanos = new long[1];
            long[] liveHeap = new long[1];
            run.beforeStart(() -> {
                // all VUs made: the process CPU so far (mostly init: JIT and GC included), then the
                // heap a full collection leaves (the VUs' contexts, ~all of it)
                initCpuNanos[0] = processCpuNanos();
                System.gc();
                liveHeap[0] = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            });
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (true) {
                        Thread.sleep(250);
                        if (run.state() != null && run.state().activeVus().get() == vus) {
                            maxRss.accumulateAndGet(rssKb(), Math::max);
                        }
                    }
                } catch (InterruptedException e) {
                    // done
                }
            });
            RunResult result = run.run();
            sampler.interrupt();
            pipeline.close();
            System.out.printf(Locale.ROOT, "vus=%d init=%.2fs (%.0f us/VU) cpu_to_end_of_init=%.1fs (%.0f us/VU)"
                            + " live_heap=%d MB (%.1f KB/VU) rss_sleeping=%d MB iterations=%d"
                            + " cpus=%d jvm=%s%n", vus, run.initDuration().toMillis() / 1000.0,
                    run.initDuration().toNanos() / 1000.0 / vus, initCpuNanos[0] / 1e9,
                    initCpuNanos[0] / 1000.0 / vus, liveHeap[0] >> 20, liveHeap[0] / 1024.0 / vus,
                    maxRss.get() / 1024, result.completedIterations(),
                    Runtime.getRuntime().availableProcessors(),
                    String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
