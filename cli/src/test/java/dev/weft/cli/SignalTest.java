package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real signals to a real weft process: SIGINT once stops gracefully; twice stops at once. The
 * child starts through GNU env with a known disposition of SIGINT and SIGTERM (default, or
 * ignored as a non-interactive shell leaves them for a background job), so these tests do not
 * depend on how the test run itself was started.
 */
class SignalTest {
    @TempDir
    Path dir;

    private Process start(Path script) throws Exception {
        return start(script, "--default-signal=INT,TERM");
    }

    private Process start(Path script, String disposition) throws Exception {
        return weft(disposition, "run", script.toString());
    }

    private Process weft(String disposition, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of("env", disposition, java,
                "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED",
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-cp", System.getProperty("java.class.path"),
                Weft.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.directory(dir.toFile());
        pb.redirectOutput(dir.resolve("out.txt").toFile());
        pb.redirectError(dir.resolve("err.txt").toFile());
        return pb.start();
    }

    private void waitFor(String file, String text) throws Exception {
        for (int i = 0; i < 600; i++) {
            File f = dir.resolve(file).toFile();
            if (f.exists() && Files.readString(f.toPath(), StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never saw \"" + text + "\" in " + file);
    }

    private static void sigint(Process p) throws Exception {
        new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
    }

    @Test
    void sigint_lets_iterations_finish_runs_teardown_prints_the_summary_and_exits_105() throws Exception {
        Path script = dir.resolve("s.js");
        Files.writeString(script, """
                import { sleep } from 'k6';
                export const options = { vus: 2, duration: '2m' };
                export default function () { console.log('iteration'); sleep(0.3); }
                export function teardown() { console.log('teardown ran'); }
                """);
        Process p = start(script);
        waitFor("err.txt", "iteration");
        sigint(p);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(105);
        assertThat(Files.readString(dir.resolve("err.txt"))).contains("teardown ran");
        assertThat(Files.readString(dir.resolve("out.txt"))).contains("iterations");
    }

    @Test
    void sigint_stops_gracefully_even_when_the_process_started_with_sigint_and_sigterm_ignored()
            throws Exception {
        Path script = dir.resolve("s.js");
        Files.writeString(script, """
                import { sleep } from 'k6';
                export const options = { vus: 1, duration: '2m' };
                export default function () { console.log('iteration'); sleep(0.3); }
                export function teardown() { console.log('teardown ran'); }
                """);
        Process p = start(script, "--ignore-signal=INT,TERM");
        waitFor("err.txt", "iteration");
        sigint(p);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("weft ended after kill -INT").isTrue();
        assertThat(p.exitValue()).isEqualTo(105);
        String err = Files.readString(dir.resolve("err.txt"));
        assertThat(err).contains("stopping the test", "teardown ran").doesNotContain("warning");
        assertThat(Files.readString(dir.resolve("out.txt"))).contains("iterations");
    }

    @Test
    void sigterm_stops_gracefully_even_when_the_process_started_with_it_ignored() throws Exception {
        Path script = dir.resolve("s.js");
        Files.writeString(script, """
                import { sleep } from 'k6';
                export const options = { vus: 1, duration: '2m' };
                export default function () { console.log('iteration'); sleep(0.3); }
                export function teardown() { console.log('teardown ran'); }
                """);
        Process p = start(script, "--ignore-signal=INT,TERM");
        waitFor("err.txt", "iteration");
        new ProcessBuilder("kill", "-TERM", String.valueOf(p.pid())).start().waitFor();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("weft ended after kill -TERM").isTrue();
        assertThat(p.exitValue()).isEqualTo(105);
        assertThat(Files.readString(dir.resolve("err.txt"))).contains("teardown ran");
    }

    @Test
    void the_results_service_started_with_sigterm_ignored_still_stops_on_sigterm() throws Exception {
        Process p = weft("--ignore-signal=INT,TERM", "cloud", "serve", "--bind", "127.0.0.1", "--port", "0",
                "--db", dir.resolve("db").toString());
        waitFor("out.txt", "Weft results service:");
        new ProcessBuilder("kill", "-TERM", String.valueOf(p.pid())).start().waitFor();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("service ended after kill -TERM").isTrue();
        assertThat(p.exitValue()).as("the JVM's own code for SIGTERM").isEqualTo(128 + 15);
    }

    @Test
    void a_second_sigint_cuts_a_long_iteration_short() throws Exception {
        Path script = dir.resolve("s.js");
        Files.writeString(script, """
                import { sleep } from 'k6';
                export const options = { vus: 1, duration: '2m' };
                export default function () { console.log('long iteration'); sleep(100); }
                """);
        Process p = start(script);
        waitFor("err.txt", "long iteration");
        sigint(p);
        waitFor("err.txt", "stopping the test");
        sigint(p);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(105);
        assertThat(Files.readString(dir.resolve("out.txt"))).contains("vus_max");
    }
}
