package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real weft run in a real pseudo-terminal (tmux), its screen captured mid-run and at the end:
 * a bar per scenario, log lines above the progress block, and a last frame whose counts are the
 * summary's.
 */
class TerminalProgressTest {
    private final String session = "weft-" + UUID.randomUUID();
    @TempDir
    Path dir;

    @AfterEach
    void kill() throws Exception {
        new ProcessBuilder("tmux", "kill-session", "-t", session).start().waitFor();
    }

    private static boolean hasTmux() {
        try {
            return new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private String screen() throws Exception {
        Process p = new ProcessBuilder("tmux", "capture-pane", "-p", "-t", session, "-S", "-200").start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return text;
    }

    private String waitForScreen(String text, int seconds) throws Exception {
        return waitForScreen(Pattern.compile(Pattern.quote(text)), seconds);
    }

    private String waitForScreen(Pattern pattern, int seconds) throws Exception {
        String s = "";
        for (int i = 0; i < seconds * 10; i++) {
            s = screen();
            if (pattern.matcher(s).find()) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never saw /" + pattern + "/ on the screen:\n" + s);
    }

    @Test
    void bars_per_scenario_logs_above_them_and_a_final_frame_equal_to_the_summary() throws Exception {
        assumeTrue(hasTmux(), "tmux is not installed: test.sh installs it");
        Files.writeString(dir.resolve("s.js"), """
                import { sleep } from 'k6';
                export const options = { scenarios: {
                  looping: { executor: 'constant-vus', vus: 2, duration: '4s' },
                  counted: { executor: 'per-vu-iterations', vus: 1, iterations: 3, exec: 'other' },
                }};
                export default function () { sleep(0.25); }
                export function other() { console.log('logged at ' + __ITER); sleep(0.8); }
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.join(" ", List.of(java, "--sun-misc-unsafe-memory-access=allow",
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-cp", "'" + System.getProperty("java.class.path") + "'",
                Weft.class.getName(), "run", "--no-color", "--address=", "s.js", ";", "echo", "EXITED", ";", "sleep", "60"));
        new ProcessBuilder("tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "50", "-c", dir.toString(),
                "bash", "-c", command).start().waitFor();

        // the first frames may come before the scenarios start (a bullet where the bar's state goes)
        String mid = waitForScreen(Pattern.compile("looping +\\[[=>-]+\\] 2 VUs"), 60);
        assertThat(mid).containsPattern("looping +\\[[=>-]+\\] 2 VUs").containsPattern("counted +. \\[[=>-]+\\] 1 VUs");

        String end = waitForScreen("EXITED", 60);
        List<String> lines = end.lines().toList();
        int lastRunning = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("running (")) {
                lastRunning = i;
            }
        }
        assertThat(lastRunning).as(end).isPositive();
        assertThat(lines.get(lastRunning + 1)).contains("counted").contains("✓").contains("3/3 iters");
        assertThat(lines.get(lastRunning + 2)).contains("looping").contains("✓");
        int lastLog = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("logged at 2")) {
                lastLog = i;
            }
        }
        assertThat(lastLog).as("the log line sits above the progress block:\n" + end).isBetween(0, lastRunning - 1);
        assertThat(lines.get(lastLog)).startsWith("INFO[");
        Matcher frame = Pattern.compile("running \\(.*\\), 0/3 VUs, (\\d+) complete").matcher(lines.get(lastRunning));
        assertThat(frame.find()).as(lines.get(lastRunning)).isTrue();
        Matcher summary = Pattern.compile("iterations\\.+: (\\d+) ").matcher(end);
        assertThat(summary.find()).as(end).isTrue();
        assertThat(frame.group(1)).isEqualTo(summary.group(1));
    }
}
