package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real weft process initialising VUs: progress is shown, and VUs that can't fit the heap end the run fast. */
class VuInitTest {
    @TempDir
    Path dir;

    private Process start(Path script, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--sun-misc-unsafe-memory-access=allow", "-Dpolyglot.engine.WarnInterpreterOnly=false"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Weft.class.getName(), "run",
                "--address", "127.0.0.1:0", script.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.directory(dir.toFile());
        pb.redirectOutput(dir.resolve("out.txt").toFile());
        pb.redirectError(dir.resolve("err.txt").toFile());
        return pb.start();
    }

    private String read(String file) throws Exception {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    }

    @Test
    void vusWhoseInitCannotFitTheHeapEndTheRunWithWhatAVuCostsAndWhatToDoAndExit107() throws Exception {
        Files.write(dir.resolve("data.txt"), "a".repeat(16 << 20).getBytes(StandardCharsets.US_ASCII));
        Path script = dir.resolve("big.js");
        Files.writeString(script, """
                const data = open('./data.txt');
                export const options = { vus: 40, iterations: 40 };
                export default function () { if (data.length === 0) throw new Error('empty'); }
                """);
        long t0 = System.nanoTime();
        Process p = start(script, "-Xmx160m");
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        if (!ended) {
            p.destroyForcibly();
        }
        assertThat(ended).as("weft ended instead of hanging").isTrue();
        assertThat(seconds).as("seconds to the end, JVM start-up included").isLessThan(90);
        assertThat(p.exitValue()).isEqualTo(107);
        String err = read("err.txt");
        assertThat(err).containsPattern("(needs about .* per VU|ran out of heap during init)")
                .contains("SharedArray", "fewer VUs", "WEFT_JAVA_OPTS=-Xmx")
                .doesNotContain("Exception in thread");
        assertThat(err.lines().filter(l -> l.contains("SharedArray"))).as("one line").hasSize(1);
    }

    @Test
    void aSlowInitShowsAProgressLineInPlainOutput() throws Exception {
        Path script = dir.resolve("slow.js");
        Files.writeString(script, """
                const until = Date.now() + 2500;
                while (Date.now() < until) { }
                export const options = { vus: 2, iterations: 2 };
                export default function () { }
                """);
        Process p = start(script);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(read("out.txt")).containsPattern("init \\[ +\\d+% \\] [0-2]/2 VUs initialized");
    }
}
