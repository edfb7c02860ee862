package dev.weft.bench;

import dev.weft.cli.Cli;
import dev.weft.cli.GlobalEnv;
import dev.weft.target.TargetServer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A multi-minute run whose memory should stay flat: VUs doing http.get + check with no sleep
 * against the built-in target, through the real CLI (pipeline, trends, thresholds, json output
 * to /dev/null). Prints heap-after-GC and RSS every 15 s, then the growth between the first and
 * last reading. Usage: {@code bench/run soak [minutes] [vus]}.
 */
public final class SoakBench {
    private SoakBench() {
    }

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int vus = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path dir = Files.createTempDirectory("weft-soak");
        Files.writeString(dir.resolve("soak.js"), """
                import http from 'k6/http';
                import { check } from 'k6';
                export const options = { thresholds: { http_req_duration: ['p(95)<1000'] } };
                export default function () {
                  const r = http.get(`${__ENV.BASE_URL}/get?vu=${__VU}&i=${__ITER % 50}`);
                  check(r, { 'status is 200': (x) => x.status === 200 });
                }
                """);
        try (TargetServer target = TargetServer.startOnLoopback()) {
            GlobalEnv env = new GlobalEnv(Map.of("BASE_URL", target.baseUrl()), System.in, System.out, System.err,
                    dir, false, handler -> () -> { });
            Thread sampler = Thread.ofPlatform().daemon().start(SoakBench::sample);
            int code = new Cli(env).run(List.of("run", "-q", "--address", "", "--vus", String.valueOf(vus),
                    "--duration", minutes + "m", "--out", "json=/dev/null", "soak.js"));
            sampler.interrupt();
            System.out.println("exit code " + code);
        }
    }

    private static void sample() {
        long first = -1;
        long t0 = System.nanoTime();
        try {
            while (true) {
                Thread.sleep(15_000);
                System.gc();
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
                if (first < 0) {
                    first = heap;
                }
                System.out.printf(Locale.ROOT, "t=%3ds heap_after_gc=%d MB rss=%d MB growth_since_first=%+d MB%n",
                        (System.nanoTime() - t0) / 1_000_000_000L, heap, VuStartupBench.rssKb() / 1024, heap - first);
            }
        } catch (InterruptedException e) {
            // run over
        }
    }
}
