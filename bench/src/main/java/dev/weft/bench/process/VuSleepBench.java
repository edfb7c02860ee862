package dev.weft.bench.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Many VUs that only {@code sleep(1)}, run through {@code weft run} and, when a genuine k6 is at
 * hand (WEFT_K6_BINARY or {@code k6} on the PATH), through k6 on the same script, as whole
 * processes. Prints per run and as medians with Weft/k6 ratios: iterations, iteration_duration
 * p95/p99/max (p99 minus the 1 s sleep is how late the VUs woke: GC pauses and scheduling),
 * CPU, peak RSS, wall and wall beyond the test's duration. Rounds alternate which tool goes
 * first; the 1-minute load average before each run is printed beside it (the machine may be shared).
 * Usage: {@code bench/run vu-sleep [vus] [seconds] [rounds]} (defaults 10000, 10, 2); WEFT_BENCH_VARIANTS
 * compares several Weft builds or JVM options in the same rounds (see {@link ToolUnderTest#weftVariants()}).
 * Targets (issue 14): iterations >= 0.99 of k6's, p95 <= 1.05 s, CPU <= 2x k6, RSS <= k6's,
 * wall beyond the test <= k6's + 1 s.
 */
public final class VuSleepBench {
    private static final String STATS = "avg,med,p(95),p(99),max";

    private VuSleepBench() {
    }

    /** One tool's figures from one run. */
    record Figures(String tool, long iterations, double p95Ms, double p99Ms, double maxMs, double cpuSeconds,
            double rssMb, double wallSeconds, double beyondSeconds, double load) {
        String line() {
            return String.format(Locale.ROOT, "%-5s iterations=%d iteration_duration p95=%.0fms p99=%.0fms max=%.0fms"
                    + " cpu=%.1fs max_rss=%.0fMB wall=%.1fs beyond_test=%.1fs load=%.2f", tool, iterations, p95Ms,
                    p99Ms, maxMs, cpuSeconds, rssMb, wallSeconds, beyondSeconds, load);
        }
    }

    public static void main(String[] args) throws Exception {
        int vus = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path dir = Files.createTempDirectory("weft-vu-sleep");
        Path script = dir.resolve("sleep.js");
        Files.writeString(script, """
                import { sleep } from 'k6';
                export default function () {
                  sleep(1);
                }
                """);
        List<ToolUnderTest> tools = new ArrayList<>(ToolUnderTest.weftVariants());
        ToolUnderTest k6 = ToolUnderTest.k6OrNull();
        if (k6 != null) {
            tools.add(k6);
        }
        System.out.printf(Locale.ROOT, "vu-sleep: %d VUs sleep(1) for %d s, %d rounds, order alternated, %d cpus%s%n",
                vus, seconds, rounds, Runtime.getRuntime().availableProcessors(),
                k6 == null ? "; no k6 (set WEFT_K6_BINARY to compare)" : "; k6: " + k6.command().get(0));
        tools.forEach(t -> System.out.println("  " + t.name() + ": " + t.command() + " " + t.env()));
        Map<String, List<Figures>> byTool = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            List<ToolUnderTest> order = new ArrayList<>(tools);
            if (round % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (ToolUnderTest tool : order) {
                Figures f = run(tool, script, vus, seconds);
                System.out.println("round " + (round + 1) + " " + f.line());
                byTool.computeIfAbsent(tool.name(), n -> new ArrayList<>()).add(f);
            }
        }
        Map<String, Figures> medians = new LinkedHashMap<>();
        byTool.forEach((tool, runs) -> medians.put(tool, median(tool, runs)));
        medians.values().forEach(f -> System.out.println("median " + f.line()));
        Figures k = medians.get("k6");
        if (k != null) {
            medians.values().stream().filter(w -> w != k).forEach(w -> System.out.printf(Locale.ROOT,
                    "%s/k6: iterations %.3f (target >= 0.99), cpu %.2f (<= 2), max_rss %.2f (<= 1), beyond_test %+.1fs"
                            + " (<= +1 s); p95 %.0f ms (<= 1050)%n", w.tool(), (double) w.iterations() / k.iterations(),
                    w.cpuSeconds() / k.cpuSeconds(), w.rssMb() / k.rssMb(), w.beyondSeconds() - k.beyondSeconds(),
                    w.p95Ms()));
        }
    }

    private static Figures run(ToolUnderTest tool, Path script, int vus, int seconds) throws Exception {
        MeasuredRun r = MeasuredRun.of(tool.run("-q", "--summary-trend-stats", STATS, "--vus", String.valueOf(vus),
                "--duration", seconds + "s", script.toString()), tool.env());
        long iterations = SummaryText.count(r.output(), "iterations");
        if (iterations < 0) {
            throw new IllegalStateException(tool.name() + " printed no iterations count:\n" + r.output());
        }
        return new Figures(tool.name(), iterations, SummaryText.trendMs(r.output(), "iteration_duration", "p(95)"),
                SummaryText.trendMs(r.output(), "iteration_duration", "p(99)"),
                SummaryText.trendMs(r.output(), "iteration_duration", "max"), r.cpuSeconds(), r.maxRssMb(),
                r.wallSeconds(), r.wallSeconds() - seconds, r.loadBefore());
    }

    /** Each figure's median over the runs (the middle one, or the mean of the middle two). */
    static Figures median(String tool, List<Figures> runs) {
        return new Figures(tool, Math.round(med(runs, f -> f.iterations())), med(runs, Figures::p95Ms),
                med(runs, Figures::p99Ms), med(runs, Figures::maxMs), med(runs, Figures::cpuSeconds),
                med(runs, Figures::rssMb), med(runs, Figures::wallSeconds), med(runs, Figures::beyondSeconds),
                med(runs, Figures::load));
    }

    private static double med(List<Figures> runs, ToDoubleFunction<Figures> figure) {
        double[] v = runs.stream().mapToDouble(figure).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
