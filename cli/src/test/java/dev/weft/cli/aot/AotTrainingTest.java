package dev.weft.cli.aot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cli.GlobalEnv;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotTrainingTest {
    @TempDir
    Path dir;

    @Test
    void theTrainingRunsItsSmokeTestAndShortLoadThroughTheCliAndEveryCheckPasses() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        GlobalEnv global = new GlobalEnv(Map.of(), InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                dir, false, onSignal -> () -> { });

        int code = AotTraining.train(global);

        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        // the smoke test's summary, then the 4-VU run's: both made requests and no check failed
        assertThat(stdout.split("http_reqs\\.+: ", -1)).hasSize(3);
        assertThat(stdout).contains("✓ status is 200").doesNotContain("✗ status is 200");
        assertThat(stdout).contains("checks_succeeded...: 100.00%");
    }
}
