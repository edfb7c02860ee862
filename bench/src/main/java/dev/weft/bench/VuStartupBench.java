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
 * real lifecycle. Prints how long initialising them took and the process RSS while they sleep.
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
            System.out.printf(Locale.ROOT, "vus=%d init=%.2fs (%.0f us/VU) rss_sleeping=%d MB iterations=%d"
                            + " cpus=%d jvm=%s%n", vus, run.initDuration().toMillis() / 1000.0,
                    run.initDuration().toNanos() / 1000.0 / vus, maxRss.get() / 1024, result.completedIterations(),
                    Runtime.getRuntime().availableProcessors(),
                    String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        }
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
