package dev.weft.js.module.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.weft.executor.Scenarios;
import dev.weft.js.JsProgram;
import dev.weft.js.JsSetupTeardown;
import dev.weft.js.JsVuFactory;
import dev.weft.js.module.BuiltinModules;
import dev.weft.js.module.TestServices;
import dev.weft.lifecycle.ExitCode;
import dev.weft.lifecycle.RunResult;
import dev.weft.lifecycle.TestRun;
import dev.weft.metrics.MetricRegistry;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.options.TestOptions;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutionModuleTest {
    @TempDir
    Path dir;

    final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> logs = new ConcurrentLinkedQueue<>();

    private RunResult run(String script, String options) throws Exception {
        Files.writeString(dir.resolve("s.js"), script);
        try (JsProgram program = JsProgram.load(dir.resolve("s.js"), BuiltinModules.create())) {
            TestOptions opts = TestOptions.of(JsonParser.parseString(options).getAsJsonObject());
            TestServices services = new TestServices(Map.of(), opts, MetricRegistry.withBuiltins(), samples::add,
                    null, Clock.systemUTC(), Tags.EMPTY, dir, (l, t) -> logs.add(l + ": " + t));
            JsVuFactory factory = new JsVuFactory(program, services);
            var executors = new Scenarios(Scenarios.builtinTypes()).fromOptions(opts);
            try (JsSetupTeardown stages = new JsSetupTeardown(factory, false, false)) {
                return new TestRun(new TestRun.Plan(executors, false, false, Duration.ofSeconds(5),
                        Duration.ofSeconds(5), Tags.EMPTY), factory, stages, samples::add, Clock.systemUTC()).run();
            }
        }
    }

    @Test
    void vu_and_scenario_facts_match_the_iteration() throws Exception {
        RunResult r = run("""
                import exec from 'k6/execution';
                import { scenario } from 'k6/execution';
                export default function () {
                  console.log(`${exec.vu.idInTest} ${exec.vu.iterationInScenario} ${__ITER} ${scenario.name} `
                    + `${scenario.executor} ${exec.scenario.iterationInTest} ${exec.instance.vusInitialized}`);
                }
                """, "{\"scenarios\": {\"first\": {\"executor\": \"per-vu-iterations\", \"vus\": 2, \"iterations\": 2}}}");
        assertThat(r.failed()).isFalse();
        assertThat(logs).hasSize(4).allMatch(l -> l.matches("info: ([12]) (\\d) \\2 first per-vu-iterations [0-3] 2"));
        assertThat(logs.stream().map(l -> l.split(" ")[6])).containsExactlyInAnyOrder("0", "1", "2", "3");
    }

    @Test
    void vu_tags_set_by_the_script_go_on_its_later_samples() throws Exception {
        run("""
                import exec from 'k6/execution';
                import { check } from 'k6';
                export default function () {
                  exec.vu.tags['tenant'] = 'blue';
                  check(1, { 'tagged': () => exec.vu.tags.tenant === 'blue' && exec.vu.tags.scenario === 'default' });
                }
                """, "{\"iterations\": 1}");
        Sample check = samples.stream().filter(s -> s.metric().name().equals("checks")).findFirst().orElseThrow();
        assertThat(check.tags().get("tenant")).isEqualTo("blue");
        assertThat(check.value()).isEqualTo(1.0);
    }

    @Test
    void test_abort_stops_the_run_with_exit_code_108() throws Exception {
        RunResult r = run("""
                import exec from 'k6/execution';
                export default function () {
                  if (exec.scenario.iterationInTest === 2) exec.test.abort('enough');
                }
                """, "{\"vus\": 1, \"iterations\": 50}");
        assertThat(r.failure()).isEqualTo(ExitCode.SCRIPT_ABORTED);
        assertThat(samples.stream().filter(s -> s.metric().name().equals("iterations")).count()).isLessThan(50);
        assertThat(logs).anyMatch(l -> l.contains("enough"));
    }

    @Test
    void scenario_facts_in_init_code_are_an_error() throws Exception {
        Files.writeString(dir.resolve("s.js"), "import exec from 'k6/execution';\nconst n = exec.scenario.name;\n"
                + "export default function () {}\n");
        try (JsProgram program = JsProgram.load(dir.resolve("s.js"), BuiltinModules.create())) {
            TestServices services = new TestServices(Map.of(), TestOptions.of(new JsonObject()),
                    MetricRegistry.withBuiltins(), samples::add, null, Clock.systemUTC(), Tags.EMPTY, dir,
                    (l, t) -> logs.add(l + ": " + t));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new JsVuFactory(program, services).createOrThrow(1))
                    .hasMessageContaining("only available inside VU code");
        }
    }
}
