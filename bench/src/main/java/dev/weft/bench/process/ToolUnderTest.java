package dev.weft.bench.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A load tool a process bench runs: Weft through its launcher, or a genuine k6 binary (k6 is
 * told not to phone home). Built once per bench on its main thread.
 *
 * @param name    "weft" or "k6"
 * @param command the program to start, then its fixed arguments
 * @param env     environment added to the bench's own
 */
public record ToolUnderTest(String name, List<String> command, Map<String, String> env) {
    /**
     * Weft through the launcher that bench/run passes as {@code -Dweft.launcher}, or the one at
     * WEFT_BENCH_LAUNCHER (another build's {@code weft}, for before/after figures).
     */
    public static ToolUnderTest weft() {
        String other = System.getenv("WEFT_BENCH_LAUNCHER");
        String launcher = other != null && !other.isBlank() ? other : System.getProperty("weft.launcher");
        if (launcher == null) {
            throw new IllegalStateException("run this through bench/run (it sets -Dweft.launcher)");
        }
        return new ToolUnderTest("weft", List.of(launcher), Map.of());
    }

    /**
     * Weft builds or JVM options to compare: WEFT_BENCH_VARIANTS, a {@code ;}-separated list of
     * {@code name=launcher|java options} (an empty launcher means this build's), e.g.
     * {@code before=/tmp/base/weft|;parallel=|-XX:+UseParallelGC}; without it, {@link #weft()}.
     */
    public static List<ToolUnderTest> weftVariants() {
        String spec = System.getenv("WEFT_BENCH_VARIANTS");
        if (spec == null || spec.isBlank()) {
            return List.of(weft());
        }
        List<ToolUnderTest> variants = new ArrayList<>();
        for (String entry : spec.split(";")) {
            int eq = entry.indexOf('=');
            int bar = entry.indexOf('|');
            if (eq <= 0 || bar < eq) {
                throw new IllegalArgumentException("WEFT_BENCH_VARIANTS: \"" + entry + "\" is not name=launcher|options");
            }
            String launcher = entry.substring(eq + 1, bar).strip();
            List<String> command = launcher.isEmpty() ? weft().command() : List.of(launcher);
            variants.add(new ToolUnderTest(entry.substring(0, eq).strip(), command,
                    Map.of("WEFT_JAVA_OPTS", entry.substring(bar + 1).strip())));
        }
        return variants;
    }

    /** k6 at WEFT_K6_BINARY, else {@code k6} on the PATH; null when there is none. */
    public static ToolUnderTest k6OrNull() {
        String env = System.getenv("WEFT_K6_BINARY");
        String binary = env != null && !env.isBlank() ? env : null;
        if (binary == null) {
            for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (!d.isEmpty() && Files.isExecutable(Path.of(d, "k6"))) {
                    binary = Path.of(d, "k6").toString();
                    break;
                }
            }
        }
        return binary == null ? null : new ToolUnderTest("k6", List.of(binary),
                Map.of("K6_NO_USAGE_REPORT", "true", "K6_CLOUD_TRACES_ENABLED", "false"));
    }

    /** {@code <tool> run <args...>}. */
    public List<String> run(String... args) {
        List<String> argv = new ArrayList<>(command);
        argv.add("run");
        argv.addAll(List.of(args));
        return argv;
    }
}
