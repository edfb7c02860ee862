package dev.weft.bench;

import com.google.gson.JsonObject;
import dev.weft.js.JsProgram;
import dev.weft.js.JsVu;
import dev.weft.js.JsVuFactory;
import dev.weft.js.module.BuiltinModules;
import dev.weft.js.module.TestServices;
import dev.weft.metrics.MetricRegistry;
import dev.weft.metrics.Tags;
import dev.weft.options.TestOptions;
import dev.weft.pipeline.SamplePipeline;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What making one VU costs its own thread, measured on one platform thread after a warm-up, so
 * that the JIT compiler's and the collector's threads (and other processes on the machine) weigh
 * little: CPU microseconds and bytes allocated per VU, and the heap each made VU keeps. The
 * script is vu-startup's ({@code import { sleep } from 'k6'}), with the process environment as
 * {@code __ENV} as {@code weft run} has it. Usage: {@code bench/run vu-init [warm-up VUs] [measured VUs] [rounds]}.
 */
public final class VuInitCostBench {
    private VuInitCostBench() {
    }

    public static void main(String[] args) throws Exception {
        int warm = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory("weft-vu-init");
        Path script = dir.resolve("sleep.js");
        Files.writeString(script, """
                import { sleep } from 'k6';
                export default function () {
                  sleep(1);
                }
                """);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        SamplePipeline pipeline = SamplePipeline.builder().build();
        pipeline.start();
        try (JsProgram program = JsProgram.load(script, BuiltinModules.create())) {
            program.contextsEndWithProcess();
            TestServices services = new TestServices(System.getenv(), TestOptions.of(new JsonObject()),
                    MetricRegistry.withBuiltins(), pipeline, null, Clock.systemUTC(), Tags.EMPTY, dir,
                    (level, text) -> System.err.println(level + ": " + text));
            JsVuFactory factory = new JsVuFactory(program, services);
            List<JsVu> kept = new ArrayList<>();
            int id = 1;
            for (int i = 0; i < warm; i++) {
                kept.add(factory.createOrThrow(id++));
            }
            for (int r = 0; r < rounds; r++) {
                System.gc();
                long heap0 = usedHeap();
                long cpu0 = threads.getCurrentThreadCpuTime();
                long alloc0 = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < measured; i++) {
                    kept.add(factory.createOrThrow(id++));
                }
                long cpu = threads.getCurrentThreadCpuTime() - cpu0;
                long alloc = threads.getCurrentThreadAllocatedBytes() - alloc0;
                System.gc();
                long kept1 = usedHeap() - heap0;
                System.out.printf(Locale.ROOT, "round %d: %d VUs after %d: thread cpu %.0f us/VU, allocated %.1f KB/VU,"
                                + " kept %.1f KB/VU (load %s)%n", r + 1, measured, id - 1 - measured,
                        cpu / 1000.0 / measured, alloc / 1024.0 / measured, kept1 / 1024.0 / measured,
                        Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            }
            kept.forEach(JsVu::close);
        } finally {
            pipeline.close();
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
