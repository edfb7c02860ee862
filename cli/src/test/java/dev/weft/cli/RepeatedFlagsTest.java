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

/** Flags given more than once, as k6's flag parser takes them: -e and --tag add up, --vus' last value wins. */
class RepeatedFlagsTest {
    @TempDir
    Path dir;

    @Test
    void every_env_and_tag_flag_counts_and_the_last_vus_flag_wins() throws Exception {
        Files.writeString(dir.resolve("s.js"), """
                import exec from 'k6/execution';
                export const options = { iterations: 4 };
                export default function () {
                  console.log(`env ${__ENV.A} ${__ENV.B} tags ${exec.vu.tags.x} ${exec.vu.tags.y}`);
                }
                """);
        FakeGlobalEnv g = new FakeGlobalEnv(dir, Map.of("HOME", dir.toString()));
        Path export = dir.resolve("export.json");
        int code = new Cli(g.env).run(List.of("run", "-q", "--address", "", "--log-format", "raw", "-e", "A=1",
                "--env", "B=2", "--tag", "x=3", "--tag", "y=4", "--vus", "3", "--vus", "2",
                "--summary-export", export.toString(), "s.js"));
        assertThat(code).as(g.stderr()).isZero();
        assertThat(g.stderr()).contains("env 1 2 tags 3 4");
        JsonObject metrics = JsonParser.parseString(Files.readString(export)).getAsJsonObject()
                .getAsJsonObject("metrics");
        assertThat(metrics.getAsJsonObject("vus_max").get("max").getAsInt()).isEqualTo(2);
    }
}
