package dev.weft.cli.segments;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.weft.cli.Weft;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code weft run} in its own JVM (the test's class path), with its stdout and stderr
 * in files beside the script. The control API is off ({@code --address ""}) so several can run
 * at once. Used by the segment tests on the JUnit thread.
 */
final class WeftProcess {
    private final Process process;
    private final Path dir;
    private final String name;

    private WeftProcess(Process process, Path dir, String name) {
        this.process = process;
        this.dir = dir;
        this.name = name;
    }

    /** Starts {@code weft run <args> <script>} in {@code dir}, with extra environment variables. */
    static WeftProcess start(Path dir, String name, Path script, List<String> args, Map<String, String> env)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--sun-misc-unsafe-memory-access=allow",
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Weft.class.getName(), "run", "--address", "", "-q", "--no-color"));
        command.addAll(args);
        command.add(script.toString());
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.directory(dir.toFile());
        pb.redirectOutput(dir.resolve(name + ".out.txt").toFile());
        pb.redirectError(dir.resolve(name + ".err.txt").toFile());
        return new WeftProcess(pb.start(), dir, name);
    }

    /** Waits for the exit and fails with the process's output unless it exited 0. */
    void awaitSuccess() throws Exception {
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not finish within 180 s\n" + output());
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(name + " exited " + process.exitValue() + "\n" + output());
        }
    }

    void destroy() {
        process.destroyForcibly();
    }

    String output() throws Exception {
        return "--- stdout\n" + read(name + ".out.txt") + "\n--- stderr\n" + read(name + ".err.txt");
    }

    private String read(String file) throws Exception {
        Path p = dir.resolve(file);
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    /** A metric's {@code count} from a {@code --summary-export} file, 0 when the metric is absent. */
    static long count(Path summaryExport, String metric) throws Exception {
        JsonObject metrics = JsonParser.parseString(Files.readString(summaryExport)).getAsJsonObject()
                .getAsJsonObject("metrics");
        return metrics.has(metric) ? metrics.getAsJsonObject(metric).get("count").getAsLong() : 0;
    }
}
