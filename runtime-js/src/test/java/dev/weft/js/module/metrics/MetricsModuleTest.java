package dev.weft.js.module.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.weft.js.JsProgram;
import dev.weft.js.JsVu;
import dev.weft.js.JsVuFactory;
import dev.weft.js.module.BuiltinModules;
import dev.weft.js.module.TestServices;
import dev.weft.metrics.MetricRegistry;
import dev.weft.metrics.MetricType;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.metrics.ValueType;
import dev.weft.options.TestOptions;
import dev.weft.vu.IterationContext;
import dev.weft.vu.IterationOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsModuleTest {
    @TempDir
    Path dir;

    final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> logs = new ConcurrentLinkedQueue<>();
    final MetricRegistry registry = MetricRegistry.withBuiltins();

    private JsVu vu(String script, int id) throws Exception {
        Files.writeString(dir.resolve("s.js"), script);
        JsProgram program = JsProgram.load(dir.resolve("s.js"), BuiltinModules.create());
        TestServices services = new TestServices(Map.of(), TestOptions.of(new JsonObject()), registry, samples::add,
                null, Clock.systemUTC(), Tags.EMPTY, dir, (l, t) -> logs.add(l + ": " + t));
        return new JsVuFactory(program, services).createOrThrow(id);
    }

    private static IterationOutcome iterate(JsVu vu) {
        return vu.runIteration(new IterationContext("default", "default", 0, 0, Tags.of("scenario", "default"), null));
    }

    @Test
    void custom_metrics_declared_in_init_record_samples_with_iteration_tags() throws Exception {
        JsVu vu = vu("""
                import { Counter, Gauge, Rate, Trend } from 'k6/metrics';
                const c = new Counter('my_counter');
                const g = new Gauge('my_gauge');
                const r = new Rate('my_rate');
                const t = new Trend('my_trend', true);
                export default function () {
                  c.add(2, { kind: 'x' });
                  g.add(7);
                  r.add(true); r.add(0); r.add(5);
                  t.add(12.5);
                }
                """, 1);
        assertThat(iterate(vu)).isEqualTo(IterationOutcome.COMPLETED);
        vu.close();
        assertThat(registry.get("my_trend").orElseThrow().valueType()).isEqualTo(ValueType.TIME);
        assertThat(registry.get("my_rate").orElseThrow().type()).isEqualTo(MetricType.RATE);
        List<String> got = samples.stream().map(s -> s.metric().name() + "=" + s.value() + " " + s.tags().map()).toList();
        assertThat(got).containsExactly(
                "my_counter=2.0 {group=, kind=x, scenario=default}",
                "my_gauge=7.0 {group=, scenario=default}",
                "my_rate=1.0 {group=, scenario=default}",
                "my_rate=0.0 {group=, scenario=default}",
                "my_rate=1.0 {group=, scenario=default}",
                "my_trend=12.5 {group=, scenario=default}");
    }

    @Test
    void declaring_a_metric_in_vu_code_fails_the_iteration() throws Exception {
        JsVu vu = vu("""
                import { Counter } from 'k6/metrics';
                export default function () { new Counter('late'); }
                """, 1);
        assertThat(iterate(vu)).isEqualTo(IterationOutcome.FAILED);
        vu.close();
        assertThat(logs).anyMatch(l -> l.contains("only available in the init stage"));
        assertThat(registry.get("late")).isEmpty();
    }

    @Test
    void the_same_declaration_in_two_vus_is_one_metric_and_a_type_clash_is_an_init_error() throws Exception {
        String script = """
                import { Counter, Trend } from 'k6/metrics';
                const c = new Counter('shared');
                export default function () { c.add(1); }
                """;
        JsVu a = vu(script, 1);
        JsVu b = vu(script, 2);
        iterate(a);
        iterate(b);
        a.close();
        b.close();
        assertThat(samples).extracting(s -> s.metric()).containsOnly(registry.get("shared").orElseThrow()).hasSize(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> vu("""
                import { Trend } from 'k6/metrics';
                const t = new Trend('shared');
                export default function () {}
                """, 3)).hasMessageContaining("shared");
    }
}
