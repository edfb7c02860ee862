package dev.weft.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Weft as a user starts it ({@code ./weft run}, a fresh JVM each time) next to a genuine k6 on
 * the same scripts and the same local nginx, round by round with the order alternated: a smoke
 * test (1 VU, 1 iteration, one {@code http.get} + {@code check}) several times, then {@code vus}
 * VUs doing {@code http.get} + {@code check} for {@code seconds}. Prints each process's wall
 * time, CPU (user + system) and max RSS (GNU time), requests and CPU per request, the median
 * of the rounds and the Weft/k6 ratio. k6 runs when WEFT_K6_BINARY is set (or k6 is on the
 * PATH); WEFT_BENCH_LAUNCHER picks another Weft launcher (e.g. an older checkout's) to compare.
 * {@code busy} keeps one core busy with a spinning shell for the whole bench. Needs nginx and
 * GNU time (Debian packages nginx, time).
 *
 * <p>Usage: {@code bench/run vs-k6 [seconds] [vus] [rounds] [stock|tiny] [busy]} (defaults 15,
 * 50, 2, tiny). Each process is bounded: killed after its duration plus 60 s.
 */
public final class VsK6Bench {
    private static final Pattern REQS = Pattern.compile("http_reqs\\.*:\\s+(\\d+)\\s");
    private static final Pattern FAILED = Pattern.compile("http_req_failed\\.*:\\s+([0-9.]+)%");
    private static final int SMOKES_PER_ROUND = 3;

    private VsK6Bench() {
    }

    /** One process's figures: wall and CPU seconds, max RSS in MB, requests made. */
    record Run(double wall, double cpu, double rssMb, long requests) {
        double cpuMicrosPerRequest() {
            return cpu * 1e6 / requests;
        }
    }

    /** A tool under test: its executable and its own flags for {@code run}. */
    record Tool(String name, String executable, List<String> ownFlags) {
        List<String> run(String url, List<String> flags, Path script) {
            List<String> argv = new ArrayList<>(List.of(executable, "run", "-q"));
            argv.addAll(ownFlags);
            // both start their REST API, as by default, but on a free port: runs never collide
            argv.addAll(List.of("--address", "127.0.0.1:0", "-e", "URL=" + url));
            argv.addAll(flags);
            argv.add(script.toString());
            return argv;
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> words = new ArrayList<>(Arrays.asList(args));
        boolean busy = words.remove("busy");
        boolean stock = words.remove("stock");
        words.remove("tiny");
        int seconds = words.size() > 0 ? Integer.parseInt(words.get(0)) : 15;
        int vus = words.size() > 1 ? Integer.parseInt(words.get(1)) : 50;
        int rounds = words.size() > 2 ? Integer.parseInt(words.get(2)) : 2;
        if (!Files.isExecutable(Path.of("/usr/bin/time"))) {
            throw new IllegalStateException("GNU time is needed at /usr/bin/time: apt-get install time");
        }
        String launcher = System.getenv().getOrDefault("WEFT_BENCH_LAUNCHER", Path.of("weft").toAbsolutePath()
                .toString());
        List<Tool> tools = new ArrayList<>();
        tools.add(new Tool("weft", launcher, List.of()));
        String k6 = HttpBench.k6Binary();
        if (k6 != null) {
            tools.add(new Tool("k6", k6, List.of("--no-usage-report")));
        }
        System.out.printf("weft: %s (WEFT_JAVA_OPTS=%s)%nk6: %s%n", launcher,
                System.getenv().getOrDefault("WEFT_JAVA_OPTS", ""),
                k6 == null ? "no binary (set WEFT_K6_BINARY to compare)" : k6);
        System.out.println("load average at start: " + loadAverage()
                + " (2 shared cores: other processes' load shows in every figure)");
        Process spinner = busy ? new ProcessBuilder("sh", "-c", "while :; do :; done").start() : null;
        try (LocalNginx nginx = LocalNginx.start(stock)) {
            System.out.println("nginx: " + (stock ? "stock (welcome page from disk, access log on)"
                    : "tiny fixed body, no log") + (busy ? "; one core kept busy by a spinning shell" : ""));
            // one script for both tests: the smoke test is its default 1 VU, 1 iteration
            Path script = writeScript(nginx.dir());
            Map<String, List<Run>> smokes = new LinkedHashMap<>();
            Map<String, List<Run>> loads = new LinkedHashMap<>();
            for (Tool t : tools) {
                measure(t.run(nginx.url(), List.of(), script), 60); // warm the page cache (and build Weft) first
                smokes.put(t.name(), new ArrayList<>());
                loads.put(t.name(), new ArrayList<>());
            }
            List<String> loadFlags = List.of("--vus", String.valueOf(vus), "--duration", seconds + "s");
            for (int r = 0; r < rounds; r++) {
                List<Tool> order = new ArrayList<>(tools);
                if (r % 2 == 1) {
                    order = order.reversed();
                }
                for (Tool t : order) {
                    for (int i = 0; i < SMOKES_PER_ROUND; i++) {
                        Run s = measure(t.run(nginx.url(), List.of(), script), 60);
                        smokes.get(t.name()).add(s);
                    }
                }
                for (Tool t : order) {
                    Run l = measure(t.run(nginx.url(), loadFlags, script), seconds + 60);
                    loads.get(t.name()).add(l);
                    System.out.printf(Locale.ROOT, "round %d %-4s %d VUs %ds: %d requests, %.1f us CPU/request,"
                            + " wall %.2f s, CPU %.2f s, max RSS %.0f MB; load average %s%n", r + 1, t.name(), vus,
                            seconds, l.requests(), l.cpuMicrosPerRequest(), l.wall(), l.cpu(), l.rssMb(),
                            loadAverage());
                }
                for (Tool t : order) {
                    List<Run> all = smokes.get(t.name());
                    List<Run> s = all.subList(all.size() - SMOKES_PER_ROUND, all.size());
                    System.out.printf(Locale.ROOT, "round %d %-4s smoke (x%d): wall %s s, CPU %s s, max RSS %s MB%n",
                            r + 1, t.name(), SMOKES_PER_ROUND, list(s, Run::wall, "%.2f"), list(s, Run::cpu, "%.2f"),
                            list(s, Run::rssMb, "%.0f"));
                }
            }
            printTable(vus, seconds, smokes, loads);
            System.out.println("load average at end: " + loadAverage());
        } finally {
            if (spinner != null) {
                spinner.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static void printTable(int vus, int seconds, Map<String, List<Run>> smokes,
            Map<String, List<Run>> loads) {
        boolean k6 = smokes.containsKey("k6");
        System.out.println();
        System.out.printf("| figure (median of runs) | %s |%n", k6 ? "k6 | Weft | Weft/k6" : "Weft");
        System.out.println(k6 ? "|---|---|---|---|" : "|---|---|");
        row("smoke test: wall s", smokes, Run::wall, "%.2f", k6);
        row("smoke test: CPU s", smokes, Run::cpu, "%.2f", k6);
        row("smoke test: max RSS MB", smokes, Run::rssMb, "%.0f", k6);
        String what = vus + " VUs get+check " + seconds + " s";
        row(what + ": requests", loads, r -> (double) r.requests(), "%.0f", k6);
        row(what + ": CPU us/request", loads, Run::cpuMicrosPerRequest, "%.1f", k6);
        row(what + ": max RSS MB", loads, Run::rssMb, "%.0f", k6);
        row(what + ": wall s", loads, Run::wall, "%.2f", k6);
    }

    private static void row(String name, Map<String, List<Run>> runs, java.util.function.ToDoubleFunction<Run> f,
            String format, boolean k6) {
        double weft = median(runs.get("weft"), f);
        if (!k6) {
            System.out.printf(Locale.ROOT, "| %s | " + format + " |%n", name, weft);
            return;
        }
        double k = median(runs.get("k6"), f);
        System.out.printf(Locale.ROOT, "| %s | " + format + " | " + format + " | %.2f |%n", name, k, weft, weft / k);
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        double[] v = runs.stream().mapToDouble(f).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static String list(List<Run> runs, java.util.function.ToDoubleFunction<Run> f, String format) {
        StringBuilder b = new StringBuilder();
        for (Run r : runs) {
            b.append(b.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, format, f.applyAsDouble(r)));
        }
        return b.toString();
    }

    private static Path writeScript(Path dir) throws IOException {
        Path script = dir.resolve("get.js");
        Files.writeString(script, """
                import http from 'k6/http';
                import { check } from 'k6';
                export default function () {
                  const res = http.get(__ENV.URL);
                  check(res, { 'status is 200': (r) => r.status === 200 });
                }
                """);
        return script;
    }

    /**
     * Runs one process under GNU time; fails when it exits non-zero, makes no request or any
     * request fails (a bench of a broken target measures nothing).
     */
    static Run measure(List<String> argv, int timeoutSeconds) throws IOException, InterruptedException {
        Path times = Files.createTempFile("weft-bench-time", ".txt");
        try {
            List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", times.toString()));
            cmd.addAll(argv);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[][] out = new byte[1][];
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    out[0] = p.getInputStream().readAllBytes();
                } catch (IOException e) {
                    out[0] = new byte[0];
                }
            });
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", argv) + ": still running after " + timeoutSeconds
                        + " s; killed");
            }
            reader.join();
            String text = new String(out[0], StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", argv) + " exited " + p.exitValue() + ":\n" + text);
            }
            Matcher reqs = REQS.matcher(text);
            Matcher failed = FAILED.matcher(text);
            if (!reqs.find() || !failed.find() || Double.parseDouble(failed.group(1)) > 0) {
                throw new IllegalStateException(String.join(" ", argv) + ": no http_reqs, or failed requests, in its"
                        + " summary:\n" + text);
            }
            String[] t = Files.readString(times).strip().split("\\R");
            String[] f = t[t.length - 1].trim().split(" ");
            return new Run(Double.parseDouble(f[0]), Double.parseDouble(f[1]) + Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]) / 1024, Long.parseLong(reqs.group(1)));
        } finally {
            Files.deleteIfExists(times);
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
