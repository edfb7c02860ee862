package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ways k6 turns its web dashboard on and off, through the whole CLI in-process. */
class WebDashboardSwitchTest {
    @TempDir
    Path dir;

    @BeforeEach
    void script() throws Exception {
        Files.writeString(dir.resolve("s.js"), """
                export const options = { iterations: 2 };
                export default function () { console.log('it ran'); }
                """);
    }

    private FakeGlobalEnv run(Map<String, String> env, int expectedCode, String... args) throws Exception {
        FakeGlobalEnv g = new FakeGlobalEnv(dir, env);
        int code = new Cli(g.env).run(List.of(args));
        assertThat(code).as(g.stdout() + g.stderr()).isEqualTo(expectedCode);
        return g;
    }

    @Test
    void theConfigFilesWebDashboardTurnsItOnUnlessTheEnvironmentSaysFalse() throws Exception {
        Files.writeString(dir.resolve("config.json"), "{\"webDashboard\": true}");

        FakeGlobalEnv on = run(Map.of("K6_WEB_DASHBOARD_PORT", "0"), 0, "run", "-c", "config.json", "s.js");
        FakeGlobalEnv off = run(Map.of("K6_WEB_DASHBOARD_PORT", "0", "K6_WEB_DASHBOARD", "false"), 0, "run", "-c",
                "config.json", "s.js");

        assertThat(on.stdout()).containsPattern(" web dashboard: http://127\\.0\\.0\\.1:\\d+\n        output: -");
        assertThat(off.stdout()).doesNotContain("web dashboard");
    }

    @Test
    void theOutFormWithANegativePortServesNothingButWritesTheReport() throws Exception {
        FakeGlobalEnv g = run(Map.of(), 0, "run", "--out", "web-dashboard=port=-1&export=out/report.html", "s.js");

        assertThat(g.stdout()).contains(" web dashboard:\n        output: -");
        assertThat(dir.resolve("out/report.html")).exists();
        assertThat(Files.readString(dir.resolve("out/report.html"))).contains("window.WEFT_DATA").contains("it ran");
    }

    @Test
    void aSwitchThatIsNoBooleanIsRefusedNamingIt() throws Exception {
        FakeGlobalEnv g = run(Map.of("K6_WEB_DASHBOARD", "maybe"), 104, "run", "s.js");

        assertThat(g.stderr()).contains("K6_WEB_DASHBOARD must be true or false, got 'maybe'");
    }
}
