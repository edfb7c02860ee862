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

/** weft run's option layers, logging flags and the commands that steer a running test. */
class RunOptionsTest {
    @TempDir
    Path dir;

    private int run(FakeGlobalEnv g, String... args) throws InterruptedException {
        return new Cli(g.env).run(List.of(args));
    }

    @Test
    void the_config_file_sits_below_the_script_and_its_outputs_apply() throws Exception {
        Files.writeString(dir.resolve("k6.json"), "{\"iterations\": 3, \"summaryTrendStats\": [\"max\"], "
                + "\"out\": [\"json=from-config.json\"]}");
        Files.writeString(dir.resolve("s.js"), "export const options = { iterations: 2 };\nexport default function () {}\n");
        FakeGlobalEnv g = new FakeGlobalEnv(dir, Map.of());
        assertThat(run(g, "run", "-q", "--address", "", "-c", "k6.json", "s.js")).as(g.stderr()).isZero();
        assertThat(g.stdout()).containsPattern("iterations\\.+: 2 ");
        assertThat(dir.resolve("from-config.json")).exists();
    }

    @Test
    void log_format_json_writes_k6s_json_lines() throws Exception {
        Files.writeString(dir.resolve("s.js"), "export const options = { iterations: 1 };\n"
                + "export default function () { console.warn('careful'); }\n");
        FakeGlobalEnv g = new FakeGlobalEnv(dir, Map.of());
        assertThat(run(g, "run", "-q", "--address", "", "--log-format", "json", "s.js")).isZero();
        String line = g.stderr().lines().filter(l -> l.contains("careful")).findFirst().orElseThrow();
        JsonObject o = JsonParser.parseString(line).getAsJsonObject();
        assertThat(o.get("level").getAsString()).isEqualTo("warning");
        assertThat(o.get("msg").getAsString()).isEqualTo("careful");
        assertThat(o.get("source").getAsString()).isEqualTo("console");
        assertThat(o.get("time").getAsString()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
    }

    @Test
    void log_output_to_a_file_or_nowhere() throws Exception {
        Files.writeString(dir.resolve("s.js"), "export const options = { iterations: 1 };\n"
                + "export default function () { console.log('to the file'); }\n");
        FakeGlobalEnv g = new FakeGlobalEnv(dir, Map.of());
        assertThat(run(g, "run", "-q", "--address", "", "--log-output=file=run.log", "s.js")).isZero();
        assertThat(Files.readString(dir.resolve("run.log"))).contains("to the file source=console");
        assertThat(g.stderr()).doesNotContain("to the file");
        FakeGlobalEnv none = new FakeGlobalEnv(dir, Map.of("K6_LOG_OUTPUT", "none"));
        assertThat(run(none, "run", "-q", "--address", "", "s.js")).isZero();
        assertThat(none.stderr()).doesNotContain("to the file");
        FakeGlobalEnv bad = new FakeGlobalEnv(dir, Map.of());
        assertThat(run(bad, "run", "--log-output", "loki", "s.js")).isEqualTo(255);
        assertThat(bad.stderr()).contains("invalid --log-output \"loki\"");
    }

    @Test
    void http_debug_and_other_flags_become_k6_options() throws Exception {
        Files.writeString(dir.resolve("s.js"), "export default function () {}\n");
        FakeGlobalEnv g = new FakeGlobalEnv(dir, Map.of("K6_NO_COOKIES_RESET", "true", "K6_TAGS", "team=web"));
        assertThat(run(g, "inspect", "--http-debug=full", "--user-agent", "ua/1", "--insecure-skip-tls-verify",
                "--throw", "s.js")).as(g.stderr()).isZero();
        JsonObject o = JsonParser.parseString(g.stdout()).getAsJsonObject();
        assertThat(o.get("httpDebug").getAsString()).isEqualTo("full");
        assertThat(o.get("userAgent").getAsString()).isEqualTo("ua/1");
        assertThat(o.get("insecureSkipTLSVerify").getAsBoolean()).isTrue();
        assertThat(o.get("throw").getAsBoolean()).isTrue();
        assertThat(o.get("noCookiesReset").getAsBoolean()).isTrue();
        assertThat(o.getAsJsonObject("tags").get("team").getAsString()).isEqualTo("web");
        FakeGlobalEnv bare = new FakeGlobalEnv(dir, Map.of());
        assertThat(run(bare, "inspect", "--http-debug", "s.js")).isZero();
        assertThat(bare.stdout()).contains("\"httpDebug\": \"headers\"");
    }

    @Test
    void status_pause_and_resume_talk_to_a_running_test() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String address = "127.0.0.1:" + port;
        // iterations that outlast the resume call's answer: the control API closes with the run
        Files.writeString(dir.resolve("s.js"), "import { sleep } from 'k6';\n"
                + "export const options = { iterations: 2 };\n"
                + "export default function () { sleep(0.5); }\n");
        FakeGlobalEnv runner = new FakeGlobalEnv(dir, Map.of());
        int[] code = {-1};
        Thread test = Thread.ofVirtual().start(() -> {
            try {
                code[0] = run(runner, "run", "-q", "--paused", "--address", address, "s.js");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        FakeGlobalEnv status = new FakeGlobalEnv(dir, Map.of());
        for (int i = 0; i < 200 && !status.stdout().contains("paused: true"); i++) {
            status = new FakeGlobalEnv(dir, Map.of());
            run(status, "status", "--address", address);
            Thread.sleep(50);
        }
        assertThat(status.stdout()).contains("paused: true").contains("vus-max:");
        FakeGlobalEnv resume = new FakeGlobalEnv(dir, Map.of());
        assertThat(run(resume, "resume", "-a", address)).as(resume.stderr()).isZero();
        assertThat(resume.stdout()).contains("paused: false");
        test.join(20_000);
        assertThat(code[0]).as(runner.stderr()).isZero();
        FakeGlobalEnv gone = new FakeGlobalEnv(dir, Map.of());
        assertThat(run(gone, "pause", "-a", address)).isEqualTo(255);
        assertThat(gone.stderr()).contains("can't reach the control API at " + address);
    }

    @Test
    void scale_needs_a_vu_count() throws Exception {
        FakeGlobalEnv g = new FakeGlobalEnv(dir, Map.of());
        assertThat(run(g, "scale")).isEqualTo(255);
        assertThat(g.stderr()).contains("-u/--vus");
    }
}
