package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Help, completion, suggestions and version through the global-environment object. */
class CliHelpTest {
    @TempDir
    Path dir;

    private FakeGlobalEnv fake() {
        return new FakeGlobalEnv(dir, Map.of());
    }

    private int run(FakeGlobalEnv g, String... args) throws InterruptedException {
        return new Cli(g.env).run(List.of(args));
    }

    /** Every command path of the tree, e.g. [run], [cloud, serve]. */
    static Stream<List<String>> commands() {
        List<List<String>> out = new ArrayList<>();
        collect(CommandTree.build(new FakeGlobalEnv(Path.of("."), Map.of()).env), new ArrayList<>(), out);
        return out.stream().filter(p -> !p.equals(List.of("help")));
    }

    private static void collect(CommandLine cmd, List<String> path, List<List<String>> out) {
        cmd.getSubcommands().forEach((name, sub) -> {
            List<String> p = new ArrayList<>(path);
            p.add(name);
            out.add(p);
            collect(sub, p, out);
        });
    }

    @ParameterizedTest(name = "weft {0} --help")
    @MethodSource("commands")
    void every_command_has_help_with_its_usage_and_flags(List<String> path) throws Exception {
        FakeGlobalEnv g = fake();
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        assertThat(run(g, args.toArray(String[]::new))).as(g.stderr()).isZero();
        assertThat(g.stdout()).contains("Usage: weft " + String.join(" ", path)).contains("-h, --help");
    }

    @Test
    void run_help_lists_k6s_flags_with_short_forms_and_examples() throws Exception {
        FakeGlobalEnv g = fake();
        assertThat(run(g, "run", "-h")).isZero();
        assertThat(g.stdout()).contains("-u, --vus=N").contains("-d, --duration=DURATION").contains("-o, --out=OUTPUT")
                .contains("--summary-mode=MODE").contains("Examples:").contains("weft run --vus 10 --duration 30s");
    }

    @Test
    void help_command_and_bare_weft_print_the_command_list() throws Exception {
        FakeGlobalEnv bare = fake();
        assertThat(run(bare)).isZero();
        assertThat(bare.stdout()).contains("Commands:").contains("run ").contains("completion");
        FakeGlobalEnv help = fake();
        assertThat(run(help, "help", "cloud")).isZero();
        assertThat(help.stdout()).contains("Usage: weft cloud").contains("serve").contains("login");
    }

    @Test
    void a_command_named_first_is_built_alone_and_anything_else_gets_the_whole_tree() {
        GlobalEnv env = fake().env;
        assertThat(CommandTree.build(env, List.of("run", "script.js")).getSubcommands()).containsOnlyKeys("run");
        assertThat(CommandTree.build(env, List.of("version")).getSubcommands()).containsOnlyKeys("version");
        assertThat(CommandTree.build(env, List.of("runn", "script.js")).getSubcommands())
                .containsKeys("run", "cloud", "status", "completion", "help");
        assertThat(CommandTree.build(env, List.of("--help")).getSubcommands()).containsKeys("run", "cloud", "help");
    }

    @Test
    void a_mistyped_flag_is_one_log_line_with_a_suggestion_and_exit_255() throws Exception {
        FakeGlobalEnv g = fake();
        assertThat(run(g, "run", "--vu", "3", "s.js")).isEqualTo(255);
        assertThat(g.stderr()).isEqualTo("ERRO[0000] unknown flag: --vu (did you mean --vus?)\n");
    }

    @Test
    void an_unknown_command_is_one_log_line_with_exit_255() throws Exception {
        FakeGlobalEnv g = fake();
        assertThat(run(g, "rnu", "s.js")).isEqualTo(255);
        assertThat(g.stderr().lines().toList()).hasSize(1).first().asString()
                .startsWith("ERRO[0000] unknown command \"rnu\"");
    }

    @Test
    void a_missing_script_says_how_to_call_run() throws Exception {
        FakeGlobalEnv g = fake();
        assertThat(run(g, "run", "--vus", "2")).isEqualTo(255);
        assertThat(g.stderr()).isEqualTo("ERRO[0000] weft run needs a script: weft run [flags] script.js\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void completion_scripts_name_every_command_and_run_flag(String shell) throws Exception {
        FakeGlobalEnv g = fake();
        assertThat(run(g, "completion", shell)).isZero();
        assertThat(g.stdout()).contains("run").contains("serve").contains("summary-mode").contains("vus")
                .contains("completion");
    }

    @Test
    void bash_completion_is_valid_bash() throws Exception {
        FakeGlobalEnv g = fake();
        assertThat(run(g, "completion", "bash")).isZero();
        Path script = dir.resolve("weft.bash");
        java.nio.file.Files.writeString(script, g.stdout());
        Process p = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes())).isZero();
    }

    @Test
    void an_unknown_shell_is_refused() throws Exception {
        FakeGlobalEnv g = fake();
        assertThat(run(g, "completion", "tcsh")).isEqualTo(255);
        assertThat(g.stderr()).contains("unknown shell \"tcsh\"");
    }

    @Test
    void version_json_names_weft_and_the_k6_version_it_follows() throws Exception {
        FakeGlobalEnv g = fake();
        assertThat(run(g, "version", "--json")).isZero();
        var json = JsonParser.parseString(g.stdout()).getAsJsonObject();
        assertThat(json.get("version").getAsString()).isEqualTo("v" + Cli.VERSION);
        assertThat(json.get("k6_version").getAsString()).isEqualTo("v1.3.0");
    }

    @Test
    void cloud_run_needs_local_execution() throws Exception {
        FakeGlobalEnv g = fake();
        assertThat(run(g, "cloud", "run", "s.js")).isEqualTo(255);
        assertThat(g.stderr()).contains("--local-execution");
    }
}
