package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crossed abortOnFail threshold aborts the run as k6 v1.3.0 does: at the next evaluation (every
 * 2 s) the running iteration is cut short and counts as interrupted, teardown still runs, k6's
 * message is printed and the exit code is 99.
 */
class ThresholdAbortTest {
    @TempDir
    Path dir;

    @Test
    void an_abort_on_fail_threshold_cuts_the_running_iteration_short_and_teardown_runs() throws Exception {
        Files.writeString(dir.resolve("s.js"), """
                import { check, sleep } from 'k6';
                import { Rate } from 'k6/metrics';
                const failures = new Rate('failures');
                export const options = {
                  vus: 1, duration: '60s',
                  thresholds: { failures: [{ threshold: 'rate<=0.05', abortOnFail: true }] },
                };
                export default function () {
                  failures.add(!check(1, { 'never passes': () => false }));
                  sleep(30);
                }
                export function teardown() { console.log('teardown ran'); }
                """);
        FakeGlobalEnv g = new FakeGlobalEnv(dir, Map.of("HOME", dir.toString()));
        Path export = dir.resolve("export.json");
        long start = System.nanoTime();
        int code = new Cli(g.env).run(List.of("run", "-q", "--address", "", "--log-format", "raw",
                "--summary-export", export.toString(), "s.js"));
        long tookSeconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertThat(code).as(g.stderr()).isEqualTo(99);
        assertThat(tookSeconds).as("the 30 s sleep was cut short").isLessThan(25);
        assertThat(g.stderr()).contains("teardown ran").contains("thresholds on metrics 'failures' were crossed; "
                + "at least one has abortOnFail enabled, stopping test prematurely");
        JsonObject metrics = JsonParser.parseString(Files.readString(export)).getAsJsonObject()
                .getAsJsonObject("metrics");
        assertThat(metrics.has("iterations")).as("no iteration completed: " + metrics.get("iterations")).isFalse();
        assertThat(metrics.getAsJsonObject("checks").get("fails").getAsInt()).isEqualTo(1);
    }
}
