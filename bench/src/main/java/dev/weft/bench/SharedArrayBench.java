package dev.weft.bench;

import com.google.gson.JsonObject;
import dev.weft.js.JsProgram;
import dev.weft.js.JsVu;
import dev.weft.js.JsVuFactory;
import dev.weft.js.module.BuiltinModules;
import dev.weft.js.module.TestServices;
import dev.weft.metrics.MetricRegistry;
import dev.weft.metrics.SampleSink;
import dev.weft.metrics.Tags;
import dev.weft.options.TestOptions;
import dev.weft.vu.IterationContext;
import dev.weft.vu.IterationOutcome;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds a JSON array file of about M megabytes, loads it into a k6/data SharedArray in VU 1,
 * then starts N more VUs (each running its init code and one iteration that reads elements)
 * and prints the heap after GC at each step. The array should be counted once, not N times.
 * Usage: {@code SharedArrayBench [vus=1000] [megabytes=100]}; megabytes=0 is the control run
 * (a one-element array) that shows what the VUs alone cost. Needs a heap of several GB for
 * 1,000 VUs (e.g. -Xmx12g). Not a test: figures vary by machine.
 */
public final class SharedArrayBench {
    private static final String SCRIPT = """
            import { SharedArray } from 'k6/data';
            const data = new SharedArray('big', function () { return JSON.parse(open('./big.json')); });
            export default function () {
              let sum = 0;
              for (let i = 0; i < 20; i++) {
                const e = data[(__VU * 7919 + i * 104729) % data.length];
                sum += e.id + e.name.length;
              }
              if (!(sum >= 0)) throw new Error('bad element');
            }
            """;

    private SharedArrayBench() {
    }

    public static void main(String[] args) throws Exception {
        int vuCount = Integer.parseInt(args.length > 0 ? args[0] : "1000");
        double megabytes = Double.parseDouble(args.length > 1 ? args[1] : "100");
        Path dir = Files.createTempDirectory("weft-sharedarray-bench");
        Path json = dir.resolve("big.json");
        int elements = writeJson(json, (long) (megabytes * 1_000_000));
        Files.writeString(dir.resolve("script.js"), SCRIPT);
        System.out.printf("JSON file: %,d bytes, %,d elements%n", Files.size(json), elements);

        long baseline = heapAfterGc();
        TestServices services = new TestServices(Map.of(), TestOptions.of(new JsonObject()),
                MetricRegistry.withBuiltins(), SampleSink.DISCARD, null, Clock.systemUTC(), Tags.EMPTY, dir,
                (level, text) -> System.out.println(level + ": " + text));
        List<JsVu> vus = Collections.synchronizedList(new ArrayList<>());
        try (JsProgram program = JsProgram.load(dir.resolve("script.js"), BuiltinModules.create())) {
            JsVuFactory factory = new JsVuFactory(program, services);
            long start = System.nanoTime();
            runVu(factory, 1, vus);
            long built = System.nanoTime();
            long afterOne = heapAfterGc();
            System.out.printf("VU 1 built the array in %.1f s; heap after GC %,d MB (baseline %,d MB)%n",
                    (built - start) / 1e9, mb(afterOne), mb(baseline));

            AtomicInteger failures = new AtomicInteger();
            Semaphore parallel = new Semaphore(Runtime.getRuntime().availableProcessors());
            List<Thread> threads = new ArrayList<>();
            for (int id = 2; id <= vuCount; id++) {
                int vuId = id;
                parallel.acquire();
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        runVu(factory, vuId, vus);
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        System.out.println("VU " + vuId + ": " + e.getMessage());
                    } finally {
                        parallel.release();
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            long all = heapAfterGc();
            System.out.printf("%,d VUs initialised and iterated in %.1f s (%d failed)%n", vuCount,
                    (System.nanoTime() - built) / 1e9, failures.get());
            System.out.printf("heap after GC with %,d VUs: %,d MB; growth after VU 1: %,d MB = %.2f MB per VU%n",
                    vuCount, mb(all), mb(all - afterOne), vuCount > 1 ? (all - afterOne) / 1e6 / (vuCount - 1) : 0);
            System.out.printf("heap held by the array and VU 1 over baseline: %,d MB for a %,d MB file%n",
                    mb(afterOne - baseline), mb(Files.size(json)));
            synchronized (vus) {
                vus.forEach(JsVu::close);
            }
        }
    }

    private static void runVu(JsVuFactory factory, int id, List<JsVu> vus) throws Exception {
        JsVu vu = factory.createOrThrow(id);
        vus.add(vu);
        IterationOutcome outcome = vu.runIteration(new IterationContext("default", "default", 0, id, Tags.EMPTY, null));
        if (outcome != IterationOutcome.COMPLETED) {
            throw new IllegalStateException("VU " + id + " iteration " + outcome);
        }
    }

    /** Writes a JSON array of user-like records until it reaches {@code bytes}; returns the count. */
    private static int writeJson(Path file, long bytes) throws IOException {
        int n = 0;
        long written = 1;
        String padding = "x".repeat(120);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write('[');
            do {
                String e = (n == 0 ? "" : ",") + "{\"id\":" + n + ",\"name\":\"user-" + n + "\",\"email\":\"user" + n
                        + "@example.com\",\"active\":" + (n % 3 != 0) + ",\"note\":\"" + padding + "\"}";
                w.write(e);
                written += e.length();
                n++;
            } while (written < bytes);
            w.write(']');
        }
        return n;
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long mb(long bytes) {
        return bytes / 1_000_000;
    }
}
