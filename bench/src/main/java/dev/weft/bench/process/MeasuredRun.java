package dev.weft.bench.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One child process run under GNU time (Debian package {@code time}): its output, CPU, peak RSS
 * and wall, and the load average just before it started. Made by {@link #of} on the bench's
 * main thread, which it blocks until the child ends.
 *
 * @param output     what the child printed (stdout and stderr)
 * @param cpuSeconds user + system CPU of the child
 * @param maxRssMb   its peak resident set
 * @param wallSeconds from start to exit
 * @param loadBefore the 1-minute load average just before it started
 */
public record MeasuredRun(String output, double cpuSeconds, double maxRssMb, double wallSeconds,
        double loadBefore) {
    private static final Path GNU_TIME = Path.of("/usr/bin/time");
    private static final String MARK = "MEASURED ";
    private static final Pattern TIMES = Pattern.compile(MARK + "wall=([0-9.]+) user=([0-9.]+) sys=([0-9.]+) rss=(\\d+)");

    /** Runs {@code command} (with {@code extraEnv} added to the bench's environment) and measures it. */
    public static MeasuredRun of(List<String> command, java.util.Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(GNU_TIME)) {
            throw new IllegalStateException("needs GNU time at " + GNU_TIME + " (Debian: apt-get install time)");
        }
        double load = loadAverage();
        List<String> argv = new ArrayList<>(List.of(GNU_TIME.toString(), "-f",
                MARK + "wall=%e user=%U sys=%S rss=%M"));
        argv.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().putAll(extraEnv);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        Matcher m = TIMES.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException(command.get(0) + " exited " + code + " without GNU time's line:\n" + out);
        }
        if (code != 0) {
            throw new IllegalStateException(command.get(0) + " exited " + code + ":\n" + out);
        }
        return new MeasuredRun(out.substring(0, m.start()), Double.parseDouble(m.group(2))
                + Double.parseDouble(m.group(3)), Long.parseLong(m.group(4)) / 1024.0,
                Double.parseDouble(m.group(1)), load);
    }

    /** The 1-minute load average from /proc/loadavg; NaN where there is none. */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
