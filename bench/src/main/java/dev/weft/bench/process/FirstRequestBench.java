package dev.weft.bench.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test's first request against its steady state, on an idle local nginx ({@link TinyNginx}):
 * one VU makes {@code requests} GETs 20 ms apart and logs each one's k6 timing phases; this
 * prints the first request's phases next to the median of the last half (all on a kept-alive
 * connection), for {@code weft run} and, with WEFT_K6_BINARY, k6 on the same script, over
 * {@code rounds} rounds in alternating order with the load average before each. The first
 * request opens the connection (connecting, inside blocked, is real work in both tools); the
 * rest of blocked, sending and waiting should stay within 2x of the steady state's (issue 14).
 * Usage: {@code bench/run first-request [requests] [rounds]} (defaults 40, 2).
 */
public final class FirstRequestBench {
    private static final Pattern LINE = Pattern.compile("PHASES i=(\\d+) blocked=([0-9.]+) connecting=([0-9.]+)"
            + " sending=([0-9.]+) waiting=([0-9.]+) receiving=([0-9.]+)");
    private static final String[] PHASES = {"blocked", "connecting", "sending", "waiting", "receiving"};

    private FirstRequestBench() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path dir = Files.createTempDirectory("weft-first-request");
        Path script = dir.resolve("first.js");
        Files.writeString(script, """
                import http from 'k6/http';
                import { sleep } from 'k6';
                export default function () {
                  const t = http.get(__ENV.URL).timings;
                  console.log(`PHASES i=${__ITER} blocked=${t.blocked} connecting=${t.connecting} sending=${t.sending}`
                    + ` waiting=${t.waiting} receiving=${t.receiving}`);
                  sleep(0.02);
                }
                """);
        List<ToolUnderTest> tools = new ArrayList<>(ToolUnderTest.weftVariants());
        ToolUnderTest k6 = ToolUnderTest.k6OrNull();
        if (k6 != null) {
            tools.add(k6);
        }
        try (TinyNginx nginx = TinyNginx.start(dir.resolve("nginx"))) {
            System.out.printf(Locale.ROOT, "first-request: 1 VU, %d GETs 20 ms apart to %s, %d rounds%s; phases in ms%n",
                    requests, nginx.url(), rounds, k6 == null ? "; no k6 (set WEFT_K6_BINARY to compare)" : "");
            for (int round = 0; round < rounds; round++) {
                List<ToolUnderTest> order = new ArrayList<>(tools);
                if (round % 2 == 1) {
                    java.util.Collections.reverse(order);
                }
                for (ToolUnderTest tool : order) {
                    report(round + 1, tool, MeasuredRun.of(tool.run("-q", "--vus", "1", "--iterations",
                            String.valueOf(requests), "-e", "URL=" + nginx.url(), script.toString()), tool.env()));
                }
            }
        }
    }

    private static void report(int round, ToolUnderTest tool, MeasuredRun run) {
        List<double[]> rows = new ArrayList<>();
        Matcher m = LINE.matcher(run.output());
        while (m.find()) {
            double[] row = new double[PHASES.length];
            for (int i = 0; i < PHASES.length; i++) {
                row[i] = Double.parseDouble(m.group(i + 2));
            }
            rows.add(row);
        }
        if (rows.size() < 4) {
            throw new IllegalStateException(tool.name() + " logged " + rows.size() + " requests:\n" + run.output());
        }
        double[] first = rows.get(0);
        double[] steady = new double[PHASES.length];
        List<double[]> tail = rows.subList(rows.size() / 2, rows.size());
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d %-8s load=%.2f", round,
                tool.name(), run.loadBefore()));
        for (int i = 0; i < PHASES.length; i++) {
            int p = i;
            double[] v = tail.stream().mapToDouble(r -> r[p]).sorted().toArray();
            steady[i] = v[v.length / 2];
            line.append(String.format(Locale.ROOT, " %s=%.3f/%.3f", PHASES[i], first[i], steady[i]));
        }
        double firstRest = first[0] - first[1] + first[2] + first[3];
        double steadyRest = steady[0] - steady[1] + steady[2] + steady[3];
        line.append(String.format(Locale.ROOT, " | first/steady of blocked-connecting+sending+waiting: %.3f/%.3f ms"
                + " = %.1fx (target <= 2x)", firstRest, steadyRest, firstRest / steadyRest));
        System.out.println(line);
    }
}
