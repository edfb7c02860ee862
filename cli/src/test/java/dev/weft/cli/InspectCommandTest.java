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

class InspectCommandTest {
    @TempDir
    Path dir;

    private JsonObject inspect(Map<String, String> env, String... args) throws Exception {
        FakeGlobalEnv g = new FakeGlobalEnv(dir, env);
        List<String> all = new java.util.ArrayList<>(List.of("inspect"));
        all.addAll(List.of(args));
        assertThat(new Cli(g.env).run(all)).as(g.stderr()).isZero();
        return JsonParser.parseString(g.stdout()).getAsJsonObject();
    }

    @Test
    void prints_options_consolidated_in_k6s_order() throws Exception {
        Files.writeString(dir.resolve("config.json"),
                "{\"vus\": 3, \"userAgent\": \"from-config\", \"iterations\": 1, \"out\": [\"json=x.json\"]}");
        Files.writeString(dir.resolve("s.js"), "export const options = { vus: 5, duration: '10s', iterations: 2 };\n"
                + "export default function () {}\n");
        JsonObject o = inspect(Map.of("K6_DURATION", "20s"), "--config", "config.json", "-i", "7", "s.js");
        assertThat(o.get("userAgent").getAsString()).isEqualTo("from-config");
        assertThat(o.get("vus").getAsInt()).isEqualTo(5);
        // as k6's Options.Apply: -i (flags) drops the duration K6_DURATION (environment) set
        assertThat(o.has("duration")).isFalse();
        assertThat(o.get("iterations").getAsInt()).isEqualTo(7);
        assertThat(o.has("out")).isFalse();
    }

    @Test
    void execution_requirements_add_total_duration_and_max_vus() throws Exception {
        Files.writeString(dir.resolve("s.js"), """
                export const options = { scenarios: {
                  a: { executor: 'constant-vus', vus: 4, duration: '30s' },
                  b: { executor: 'per-vu-iterations', vus: 2, iterations: 1, startTime: '30s', maxDuration: '10s' } } };
                export default function () {}
                """);
        JsonObject o = inspect(Map.of(), "--execution-requirements", "s.js");
        assertThat(o.get("maxVUs").getAsInt()).isEqualTo(6);
        assertThat(o.get("totalDuration").getAsString()).isEqualTo("1m10s");
    }

    @Test
    void an_unknown_compatibility_mode_is_refused_clearly() throws Exception {
        Files.writeString(dir.resolve("s.js"), "export default function () {}\n");
        FakeGlobalEnv g = new FakeGlobalEnv(dir, Map.of());
        assertThat(new Cli(g.env).run(List.of("inspect", "--compatibility-mode", "es3", "s.js"))).isEqualTo(104);
        assertThat(g.stderr()).contains("invalid compatibility mode \"es3\"").contains("extended").contains("base");
        FakeGlobalEnv env = new FakeGlobalEnv(dir, Map.of("K6_COMPATIBILITY_MODE", "base"));
        assertThat(new Cli(env.env).run(List.of("inspect", "s.js"))).isZero();
    }
}
