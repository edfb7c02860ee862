package dev.weft.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.lifecycle.ExitCode;
import dev.weft.lifecycle.RunResult;
import dev.weft.metrics.Sample;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleTest {
    private static final String PER_VU_3X2 =
            "{\"scenarios\": {\"s\": {\"executor\": \"per-vu-iterations\", \"vus\": 3, \"iterations\": 2}}}";
    @TempDir
    Path dir;

    @Test
    void the_seed_example_hands_setup_data_to_vus_and_teardown() throws Exception {
        ScriptHarness h = new ScriptHarness(dir).file("s.js", """
                export function setup() {
                  return { v: 1 };
                }
                export default function (data) {
                  console.log(JSON.stringify(data));
                }
                export function teardown(data) {
                  if (data.v != 1) {
                    throw new Error('incorrect data: ' + JSON.stringify(data));
                  }
                  console.log('teardown ok');
                }
                """);
        RunResult r = h.run("s.js", "{\"vus\": 2, \"iterations\": 4}");
        assertThat(r.failed()).as(String.valueOf(r.error())).isFalse();
        assertThat(h.logLines("info: {\"v\":1}")).hasSize(4);
        assertThat(h.logLines("info: teardown ok")).hasSize(1);
        assertThat(h.count("iterations")).isEqualTo(4);
    }

    @Test
    void setup_default_and_teardown_run_with_this_undefined_as_k6_calls_them() throws Exception {
        ScriptHarness h = new ScriptHarness(dir).file("s.js", """
                export function setup() { console.log('setup this=' + typeof this); return { a: 1 }; }
                export default function (d) { console.log('default this=' + typeof this + ' a=' + d.a); }
                export function teardown(d) { console.log('teardown this=' + typeof this + ' a=' + d.a); }
                """);
        RunResult r = h.run("s.js", "{\"vus\": 1, \"iterations\": 2}");
        assertThat(r.failed()).as(String.valueOf(r.error())).isFalse();
        // not the module namespace object, which a function read through interop is bound to
        assertThat(h.logLines("info: ")).containsExactly("info: setup this=undefined",
                "info: default this=undefined a=1", "info: default this=undefined a=1",
                "info: teardown this=undefined a=1");
    }

    @Test
    void each_vu_gets_its_own_copy_of_setup_data_and_functions_are_dropped() throws Exception {
        ScriptHarness h = new ScriptHarness(dir).file("s.js", """
                export function setup() {
                  return { n: 1, f: function () {}, nested: { g() {} , keep: true } };
                }
                export default function (data) {
                  if (__ITER === 0) {
                    console.log('vu ' + __VU + ' sees ' + JSON.stringify(data) + ' f=' + typeof data.f);
                    data.n = 100 + __VU;
                  }
                }
                export function teardown(data) {
                  console.log('teardown sees ' + data.n);
                }
                """);
        RunResult r = h.run("s.js", PER_VU_3X2);
        assertThat(r.failed()).isFalse();
        assertThat(h.logLines("info: vu ")).hasSize(3)
                .allMatch(l -> l.endsWith("sees {\"n\":1,\"nested\":{\"keep\":true}} f=undefined"));
        assertThat(h.logLines("info: teardown sees")).containsExactly("info: teardown sees 1");
    }

    @Test
    void setup_runs_before_any_iteration_and_teardown_after_the_last_with_vu_zero() throws Exception {
        ScriptHarness h = new ScriptHarness(dir).file("s.js", """
                import { sleep } from 'k6';
                export function setup() { console.log('setup __VU=' + __VU); sleep(0.2); }
                export default function () { console.log('iter __VU=' + __VU); }
                export function teardown() { console.log('teardown __VU=' + __VU); }
                """);
        h.run("s.js", "{\"vus\": 2, \"iterations\": 4}");
        var lines = h.logs.stream().toList();
        assertThat(lines.get(0)).isEqualTo("info: setup __VU=0");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("info: teardown __VU=0");
        assertThat(lines.subList(1, lines.size() - 1)).hasSize(4).allMatch(l -> l.matches("info: iter __VU=[12]"));
    }

    @Test
    void no_setup_and_no_teardown_skip_them_and_the_default_function_gets_undefined() throws Exception {
        ScriptHarness h = new ScriptHarness(dir).file("s.js", """
                export function setup() { console.log('setup ran'); return { v: 1 }; }
                export default function (data) { console.log('data is ' + typeof data); }
                export function teardown() { console.log('teardown ran'); }
                """);
        RunResult r = h.run("s.js", "{\"iterations\": 1, \"noSetup\": true, \"noTeardown\": true}");
        assertThat(r.failed()).isFalse();
        assertThat(h.logs).containsExactly("info: data is undefined");
    }

    @Test
    void module_state_persists_across_one_vus_iterations_and_is_never_shared() throws Exception {
        ScriptHarness h = new ScriptHarness(dir).file("s.js", """
                let counter = 0;
                export default function () {
                  counter++;
                  console.log('vu' + __VU + ' iter' + __ITER + ' counter' + counter);
                }
                """);
        h.run("s.js", "{\"scenarios\": {\"s\": {\"executor\": \"per-vu-iterations\", \"vus\": 2, \"iterations\": 3}}}");
        assertThat(h.logs).containsExactlyInAnyOrder(
                "info: vu1 iter0 counter1", "info: vu1 iter1 counter2", "info: vu1 iter2 counter3",
                "info: vu2 iter0 counter1", "info: vu2 iter1 counter2", "info: vu2 iter2 counter3");
    }

    @Test
    void open_works_in_init_code_and_fails_in_vu_code_without_stopping_the_test() throws Exception {
        ScriptHarness h = new ScriptHarness(dir).file("data.txt", "hello file").file("s.js", """
                const text = open('./data.txt');
                const bin = new Uint8Array(open('./data.txt', 'b'));
                export default function () {
                  console.log('init read ' + text + ' / ' + bin.length + ' bytes');
                  open('./data.txt');
                  console.log('not reached');
                }
                """);
        RunResult r = h.run("s.js", "{\"iterations\": 2}");
        assertThat(r.failed()).isFalse();
        assertThat(h.logLines("info: init read hello file / 10 bytes")).hasSize(2);
        assertThat(h.logLines("info: not reached")).isEmpty();
        assertThat(h.logLines("error: ")).hasSize(2).allMatch(l -> l.contains("only available in the init stage"));
        assertThat(h.count("iterations")).isEqualTo(2);
    }

    @Test
    void an_exception_in_the_default_function_is_logged_with_its_js_stack_and_the_test_goes_on() throws Exception {
        ScriptHarness h = new ScriptHarness(dir).file("s.js", """
                function inner() { throw new Error('boom ' + __ITER); }
                export default function () { inner(); }
                """);
        RunResult r = h.run("s.js", "{\"iterations\": 3}");
        assertThat(r.failed()).isFalse();
        assertThat(h.logLines("error: Error: boom")).hasSize(3)
                .allMatch(l -> l.contains("at inner (") && l.contains("s.js:1:"));
    }

    @Test
    void an_exception_in_setup_aborts_before_any_iteration_with_a_script_error() throws Exception {
        ScriptHarness h = new ScriptHarness(dir).file("s.js", """
                export function setup() { throw new Error('no database'); }
                export default function () { console.log('iteration ran'); }
                """);
        RunResult r = h.run("s.js", "{\"iterations\": 3}");
        assertThat(r.failure()).isEqualTo(ExitCode.SCRIPT_EXCEPTION);
        assertThat(r.error()).contains("setup() failed").contains("no database");
        assertThat(h.logLines("info: iteration ran")).isEmpty();
        assertThat(h.count("iterations")).isZero();
    }

    @Test
    void samples_made_in_setup_and_teardown_carry_their_group_tags() throws Exception {
        ScriptHarness h = new ScriptHarness(dir).file("s.js", """
                import { check } from 'k6';
                export function setup() { check(1, { 'in setup': (v) => v === 1 }); }
                export default function () { check(1, { 'in vu': (v) => v === 1 }); }
                export function teardown() { check(1, { 'in teardown': (v) => v === 1 }); }
                """);
        h.run("s.js", "{\"iterations\": 1}");
        assertThat(h.samples.stream().filter(s -> s.metric().name().equals("checks"))
                .map(s -> s.tags().get("check") + "@" + s.tags().get("group")))
                .containsExactlyInAnyOrder("in setup@::setup", "in vu@", "in teardown@::teardown");
    }

    @Test
    void relative_imports_and_env_work_in_init_code() throws Exception {
        ScriptHarness h = new ScriptHarness(dir).file("lib.js", "export const greet = (n) => 'hello ' + n;")
                .file("s.js", """
                        import { greet } from './lib.js';
                        const who = __ENV.GREETING;
                        export default function () { console.log(greet(who)); }
                        """);
        h.run("s.js", "{\"iterations\": 1}");
        assertThat(h.logs).containsExactly("info: hello hi");
    }

    @Test
    void a_syntax_error_names_the_file_line_and_column() {
        ScriptHarness h = new ScriptHarness(dir).file("bad.js", "export default function () {\n  let x = ;\n}\n");
        assertThatThrownBy(() -> h.run("bad.js", "{}")).isInstanceOf(ScriptException.class)
                .hasMessageContaining("bad.js:2:").hasMessageContaining("SyntaxError");
    }

    @Test
    void an_unknown_k6_module_is_a_clear_init_error() {
        ScriptHarness h = new ScriptHarness(dir).file("s.js", "import x from 'k6/nope';\nexport default function () {}\n");
        assertThatThrownBy(() -> h.run("s.js", "{}")).isInstanceOf(ScriptException.class)
                .hasMessageContaining("k6/nope");
    }

    @Test
    void group_nests_names_with_double_colons_and_records_group_duration() throws Exception {
        ScriptHarness h = new ScriptHarness(dir).file("s.js", """
                import { group, check } from 'k6';
                export default function () {
                  group('outer', () => {
                    group('inner', () => { check(true, { 'deep': (v) => v }); });
                  });
                }
                """);
        h.run("s.js", "{\"iterations\": 1}");
        assertThat(h.samples.stream().filter(s -> s.metric().name().equals("group_duration"))
                .map(s -> s.tags().get("group"))).containsExactly("::outer::inner", "::outer");
        Sample check = h.samples.stream().filter(s -> s.metric().name().equals("checks")).findFirst().orElseThrow();
        assertThat(check.tags().get("group")).isEqualTo("::outer::inner");
        assertThat(check.value()).isEqualTo(1.0);
    }

    @Test
    void timer_globals_work_without_importing_k6_timers_and_the_iteration_waits_for_them() throws Exception {
        ScriptHarness h = new ScriptHarness(dir).file("s.js", """
                export default function () {
                  setTimeout(() => console.log('timer fired'), 50);
                  console.log('function returned');
                }
                """);
        RunResult r = h.run("s.js", "{\"iterations\": 1}");
        assertThat(r.failed()).isFalse();
        assertThat(h.logs).containsExactly("info: function returned", "info: timer fired");
    }

    @Test
    void a_scenarios_env_is_added_to_env_for_its_iterations_only() throws Exception {
        ScriptHarness h = new ScriptHarness(dir).file("s.js", """
                export function a() { console.log('a ' + __ENV.WHO + ' ' + __ENV.GREETING); }
                export function b() { console.log('b ' + __ENV.WHO + ' ' + __ENV.GREETING); }
                """);
        RunResult r = h.run("s.js", """
                {"scenarios": {
                  "one": {"executor": "per-vu-iterations", "vus": 1, "iterations": 1, "exec": "a", "env": {"WHO": "first"}},
                  "two": {"executor": "per-vu-iterations", "vus": 1, "iterations": 1, "exec": "b"}}}
                """);
        assertThat(r.failed()).isFalse();
        assertThat(h.logs).containsExactlyInAnyOrder("info: a first hi", "info: b undefined hi");
    }
}
