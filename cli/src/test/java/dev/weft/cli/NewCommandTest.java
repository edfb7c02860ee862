package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewCommandTest {
    @TempDir
    Path dir;

    private int run(FakeGlobalEnv g, String... args) throws InterruptedException {
        return new Cli(g.env).run(List.of(args));
    }

    @Test
    void writes_a_starter_script_that_inspect_can_load() throws Exception {
        FakeGlobalEnv g = new FakeGlobalEnv(dir, Map.of());
        assertThat(run(g, "new")).isZero();
        assertThat(g.stdout()).contains("New script created: script.js");
        assertThat(Files.readString(dir.resolve("script.js"))).contains("import http from 'k6/http'")
                .contains("export default function");
        FakeGlobalEnv inspect = new FakeGlobalEnv(dir, Map.of());
        assertThat(run(inspect, "inspect", "script.js")).as(inspect.stderr()).isZero();
        assertThat(inspect.stdout()).contains("\"vus\": 10").contains("\"duration\": \"30s\"");
    }

    @Test
    void refuses_to_overwrite_without_force() throws Exception {
        Files.writeString(dir.resolve("mine.js"), "keep me");
        FakeGlobalEnv g = new FakeGlobalEnv(dir, Map.of());
        assertThat(run(g, "new", "mine.js")).isEqualTo(255);
        assertThat(g.stderr()).contains("mine.js already exists").contains("--force");
        assertThat(Files.readString(dir.resolve("mine.js"))).isEqualTo("keep me");
        assertThat(run(new FakeGlobalEnv(dir, Map.of()), "new", "--force", "mine.js")).isZero();
        assertThat(Files.readString(dir.resolve("mine.js"))).contains("k6/http");
    }
}
