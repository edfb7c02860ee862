package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.target.TargetServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    static TargetServer target;

    @TempDir
    Path dir;

    @BeforeAll
    static void startTarget() throws IOException {
        target = TargetServer.startOnLoopback();
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    private FakeGlobalEnv fake() {
        return new FakeGlobalEnv(dir, Map.of("BASE_URL", target.baseUrl()));
    }

    private int run(FakeGlobalEnv g, String... args) throws InterruptedException {
        return new Cli(g.env).run(List.of(args));
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    @Test
    void summary_modes_choose_k6_v1s_compact_or_full_layout_legacy_or_none() throws Exception {
        write("s.js", """
                import { check, group } from 'k6';
                export const options = { iterations: 2 };
                export default function () { group('g', () => { check(1, { 'fine': () => true }); }); }
                """);
        FakeGlobalEnv compact = fake();
        assertThat(run(compact, "run", "s.js")).isZero();
        assertThat(compact.stdout()).contains("█ TOTAL RESULTS").contains("✓ fine").doesNotContain("GROUP: g");
        FakeGlobalEnv full = fake();
        assertThat(run(full, "run", "--summary-mode=full", "s.js")).isZero();
        assertThat(full.stdout()).contains("█ GROUP: g");
        FakeGlobalEnv legacy = new FakeGlobalEnv(dir, Map.of("BASE_URL", target.baseUrl(), "K6_SUMMARY_MODE", "legacy"));
        assertThat(run(legacy, "run", "s.js")).isZero();
        assertThat(legacy.stdout()).contains("█ g").doesNotContain("TOTAL RESULTS");
        assertThat(legacy.stderr()).contains("\"legacy\" summary mode has been deprecated");
        FakeGlobalEnv disabled = fake();
        assertThat(run(disabled, "run", "--summary-mode", "disabled", "s.js")).isZero();
        assertThat(disabled.stdout()).doesNotContain("TOTAL RESULTS").doesNotContain("iteration_duration");
    }

    @Test
    void an_unknown_summary_mode_is_refused_from_the_flag_and_from_the_environment() throws Exception {
        write("s.js", "export default function () {}\n");
        FakeGlobalEnv flag = fake();
        assertThat(run(flag, "run", "--summary-mode=short", "s.js")).isEqualTo(255);
        assertThat(flag.stderr()).contains("invalid summary mode 'short'");
        FakeGlobalEnv env = new FakeGlobalEnv(dir, Map.of("K6_SUMMARY_MODE", "short"));
        assertThat(run(env, "run", "s.js")).isEqualTo(104);
        assertThat(env.stderr()).contains("K6_SUMMARY_MODE").contains("invalid summary mode 'short'");
    }

    @Test
    void an_unknown_flag_is_a_one_line_error_with_exit_code_255() throws Exception {
        FakeGlobalEnv g = fake();
        assertThat(run(g, "run", "--bogus", "x.js")).isEqualTo(255);
        assertThat(g.stderr().trim()).isEqualTo("ERRO[0000] unknown flag: --bogus");
    }

    @Test
    void a_bad_flag_value_names_the_flag() throws Exception {
        FakeGlobalEnv g = fake();
        assertThat(run(g, "run", "--vus", "many", "x.js")).isEqualTo(255);
        assertThat(g.stderr()).contains("--vus").contains("many");
    }

    @Test
    void a_missing_script_file_is_a_script_error_naming_the_file() throws Exception {
        FakeGlobalEnv g = fake();
        assertThat(run(g, "run", "nope.js")).isEqualTo(107);
        assertThat(g.stderr()).contains("nope.js: no such script file");
    }

    @Test
    void a_syntax_error_exits_107_with_file_line_and_column() throws Exception {
        write("bad.js", "export default function () {\n  const = 1;\n}\n");
        FakeGlobalEnv g = fake();
        assertThat(run(g, "run", "bad.js")).isEqualTo(107);
        assertThat(g.stderr()).containsPattern("bad\\.js:2:\\d+: SyntaxError");
    }

    @Test
    void a_script_without_a_default_function_is_refused_as_k6_refuses_its_configuration() throws Exception {
        write("nodefault.js", "export function setup() {}\n");
        FakeGlobalEnv g = fake();
        assertThat(run(g, "run", "nodefault.js")).isEqualTo(104);
        assertThat(g.stderr()).contains("There were problems with the specified script configuration:\n"
                + "\t- executor default: function 'default' not found in exports");
    }

    @Test
    void every_scenario_whose_exec_function_is_missing_is_listed() throws Exception {
        write("noexec.js", """
                export const options = { scenarios: {
                  a: { executor: 'shared-iterations', exec: 'missing', iterations: 1 },
                  b: { executor: 'shared-iterations', exec: 'gone', iterations: 1 } } };
                export default function () {}
                """);
        FakeGlobalEnv g = fake();
        assertThat(run(g, "run", "noexec.js")).isEqualTo(104);
        assertThat(g.stderr()).contains("- executor a: function 'missing' not found in exports")
                .contains("- executor b: function 'gone' not found in exports");
    }

    @Test
    void an_unknown_option_is_an_invalid_config() throws Exception {
        write("s.js", "export const options = { vuz: 3 };\nexport default function () {}\n");
        FakeGlobalEnv g = fake();
        assertThat(run(g, "run", "s.js")).isEqualTo(104);
        assertThat(g.stderr()).contains("unknown option \"vuz\"");
    }

    @Test
    void a_tlsAuth_entry_that_cannot_be_read_refuses_the_test_before_it_starts() throws Exception {
        write("s.js", """
                export const options = { tlsAuth: [{ domains: ['example.com'], cert: 'not a certificate',
                                                     key: 'not a key', password: 'secret' }] };
                export default function () { console.log('iteration ran'); }
                """);
        FakeGlobalEnv g = fake();
        assertThat(run(g, "run", "s.js")).isEqualTo(104);
        assertThat(g.stderr()).contains("invalid options: option \"tlsAuth\" entry 0 (domains: example.com): ")
                .doesNotContain("iteration ran").doesNotContain("Exception");
    }

    @Test
    void invalid_threshold_syntax_is_a_start_up_error() throws Exception {
        write("s.js", "export const options = { thresholds: { http_req_duration: ['p(95) <<< 3'] } };\n"
                + "export default function () {}\n");
        FakeGlobalEnv g = fake();
        assertThat(run(g, "run", "s.js")).isEqualTo(104);
        assertThat(g.stderr()).contains("http_req_duration").contains("p(95) <<< 3");
    }

    @Test
    void a_failed_threshold_exits_99_and_a_passing_one_exits_0() throws Exception {
        write("s.js", """
                import http from 'k6/http';
                import { check } from 'k6';
                export const options = { iterations: 5, thresholds: { checks: [__ENV.T] } };
                export default function () {
                  const r = http.get(`${__ENV.BASE_URL}/status/${__ITER % 2 ? 200 : 500}`);
                  check(r, { 'is 200': (x) => x.status === 200 });
                }
                """);
        FakeGlobalEnv failing = fake();
        assertThat(run(failing, "run", "-e", "T=rate>0.9", "s.js")).isEqualTo(99);
        assertThat(failing.stdout()).contains("✗ 'rate>0.9' rate=");
        assertThat(failing.stderr()).contains("thresholds on metrics 'checks' have been crossed");
        FakeGlobalEnv passing = fake();
        assertThat(run(passing, "run", "-e", "T=rate>0.3", "s.js")).isEqualTo(0);
        assertThat(passing.stdout()).contains("✓ 'rate>0.3' rate=");
    }

    @Test
    void the_summary_and_the_json_output_count_what_the_script_did() throws Exception {
        write("s.js", """
                import http from 'k6/http';
                import { check, group } from 'k6';
                export default function () {
                  group('api', () => {
                    const r = http.get(`${__ENV.BASE_URL}/get`);
                    check(r, { 'ok': (x) => x.status === 200 });
                  });
                }
                """);
        FakeGlobalEnv g = fake();
        int code = run(g, "run", "--vus", "2", "--iterations", "7", "--summary-mode", "full", "--out", "json=out.json",
                "s.js");
        assertThat(code).as(g.stderr()).isEqualTo(0);
        assertThat(g.stdout()).containsPattern("iterations\\.+: 7 ").containsPattern("http_reqs\\.+: 7 ")
                .contains("█ GROUP: api").contains("✓ ok");
        List<String> points = Files.readAllLines(dir.resolve("out.json")).stream()
                .filter(l -> l.contains("\"type\":\"Point\"")).toList();
        assertThat(points.stream().filter(l -> l.contains("\"metric\":\"http_reqs\""))).hasSize(7)
                .allMatch(l -> l.contains("\"group\":\"::api\"") && l.contains("\"scenario\":\"default\""));
        assertThat(points.stream().filter(l -> l.contains("\"metric\":\"iterations\""))).hasSize(7);
        assertThat(points.stream().filter(l -> l.contains("\"metric\":\"checks\""))).hasSize(7);
    }

    @Test
    void flags_override_script_options_and_env_options() throws Exception {
        write("s.js", "export const options = { iterations: 50 };\nexport default function () {}\n");
        FakeGlobalEnv g = new FakeGlobalEnv(dir, Map.of("K6_ITERATIONS", "9"));
        assertThat(run(g, "run", "s.js")).isEqualTo(0);
        assertThat(g.stdout()).containsPattern("iterations\\.+: 9 ");
        FakeGlobalEnv flags = new FakeGlobalEnv(dir, Map.of("K6_ITERATIONS", "9"));
        assertThat(run(flags, "run", "-i", "4", "s.js")).isEqualTo(0);
        assertThat(flags.stdout()).containsPattern("iterations\\.+: 4 ");
    }

    @Test
    void requests_in_setup_and_teardown_carry_their_group_tags() throws Exception {
        write("s.js", """
                import http from 'k6/http';
                export function setup() { http.get(`${__ENV.BASE_URL}/get?stage=setup`); }
                export default function () { http.get(`${__ENV.BASE_URL}/get?stage=vu`); }
                export function teardown() { http.get(`${__ENV.BASE_URL}/get?stage=teardown`); }
                """);
        FakeGlobalEnv g = fake();
        assertThat(run(g, "run", "--out", "json=o.json", "s.js")).isEqualTo(0);
        List<String> reqs = Files.readAllLines(dir.resolve("o.json")).stream()
                .filter(l -> l.contains("\"type\":\"Point\"") && l.contains("\"metric\":\"http_reqs\"")).toList();
        assertThat(reqs).hasSize(3);
        assertThat(reqs).anyMatch(l -> l.contains("stage=setup") && l.contains("\"group\":\"::setup\""));
        assertThat(reqs).anyMatch(l -> l.contains("stage=teardown") && l.contains("\"group\":\"::teardown\""));
        assertThat(reqs).anyMatch(l -> l.contains("stage=vu") && l.contains("\"group\":\"\""));
    }

    @Test
    void an_interrupt_stops_gracefully_runs_teardown_and_exits_105() throws Exception {
        write("s.js", """
                import { sleep } from 'k6';
                export const options = { vus: 2, duration: '1m' };
                export default function () { console.log('iteration'); sleep(0.2); }
                export function teardown() { console.log('teardown ran'); }
                """);
        FakeGlobalEnv g = fake();
        Thread interrupter = Thread.ofVirtual().start(() -> {
            try {
                // once iterations run: an interrupt while VUs initialise ends the run without teardown, as in k6
                while (g.interrupt.get() == null || !g.stderr().contains("iteration")) {
                    Thread.sleep(20);
                }
                g.interrupt.get().run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        int code = run(g, "run", "s.js");
        interrupter.join();
        assertThat(code).isEqualTo(105);
        assertThat(g.stderr()).contains("teardown ran");
        assertThat(g.stdout()).containsPattern("iterations\\.+: \\d+ ");
    }

    @Test
    void handle_summary_gets_k6s_data_and_its_outputs_replace_the_default_summary() throws Exception {
        write("s.js", """
                import { check } from 'k6';
                export default function () { check(1, { 'one': (v) => v === 1 }); }
                export function handleSummary(data) {
                  return {
                    stdout: 'custom summary: ' + data.metrics.iterations.values.count + ' iterations\\n',
                    'report/summary.json': JSON.stringify({ checks: data.metrics.checks.values.passes,
                        root: data.root_group.checks.map((c) => c.name) }),
                  };
                }
                """);
        FakeGlobalEnv g = fake();
        assertThat(run(g, "run", "-i", "3", "s.js")).isEqualTo(0);
        assertThat(g.stdout()).contains("custom summary: 3 iterations").doesNotContain("checks.....");
        assertThat(Files.readString(dir.resolve("report/summary.json"))).isEqualTo("{\"checks\":3,\"root\":[\"one\"]}");
    }
}
