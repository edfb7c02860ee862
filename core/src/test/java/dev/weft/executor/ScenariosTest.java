package dev.weft.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.weft.options.OptionsException;
import dev.weft.options.TestOptions;
import dev.weft.segment.ExecutionTuple;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ScenariosTest {
    private final Scenarios scenarios = new Scenarios(Scenarios.builtinTypes());

    private static TestOptions options(String json) {
        return TestOptions.of(JsonParser.parseString(json).getAsJsonObject());
    }

    private Executor only(String json) {
        List<Executor> executors = scenarios.fromOptions(options(json));
        assertThat(executors).hasSize(1);
        return executors.get(0);
    }

    @Test
    void stagesMeanRampingVusStartingAtVus() {
        Executor e = only("{\"vus\": 3, \"stages\": [{\"duration\": \"1s\", \"target\": 10}, {\"duration\": \"2s\"}]}");
        assertThat(e).isInstanceOf(RampingVus.class);
        RampingVus.Config c = ((RampingVus) e).config();
        assertThat(c.startVus()).isEqualTo(3);
        assertThat(c.stages()).containsExactly(new Stage(Duration.ofSeconds(1), 10), new Stage(Duration.ofSeconds(2), 0));
        assertThat(e.scenario().name()).isEqualTo("default");
    }

    @Test
    void iterationsMeanSharedIterations() {
        Executor e = only("{\"vus\": 2, \"iterations\": 10, \"duration\": \"30s\"}");
        assertThat(e).isInstanceOf(SharedIterations.class);
        assertThat(((SharedIterations) e).config()).isEqualTo(new SharedIterations.Config(2, 10, Duration.ofSeconds(30)));
    }

    @Test
    void durationMeansConstantVus() {
        Executor e = only("{\"vus\": 4, \"duration\": \"10s\"}");
        assertThat(e).isInstanceOf(ConstantVus.class);
        assertThat(((ConstantVus) e).config()).isEqualTo(new ConstantVus.Config(4, Duration.ofSeconds(10)));
    }

    @Test
    void nothingMeansOneIterationPerVu() {
        Executor e = only("{}");
        assertThat(e).isInstanceOf(PerVuIterations.class);
        assertThat(((PerVuIterations) e).config().iterations()).isEqualTo(1);
        assertThat(e.maxVus()).isEqualTo(1);
    }

    @Test
    void buildsEveryK6ExecutorWithItsDefaults() {
        List<Executor> executors = scenarios.fromOptions(options("""
                {"scenarios": {
                  "a": {"executor": "constant-arrival-rate", "rate": 10, "duration": "1m", "preAllocatedVUs": 4},
                  "b": {"executor": "ramping-arrival-rate", "preAllocatedVUs": 2, "maxVUs": 9, "timeUnit": "1m",
                        "stages": [{"duration": "10s", "target": 20}]},
                  "c": {"executor": "externally-controlled", "vus": 2, "maxVUs": 5, "duration": "0"},
                  "d": {"executor": "per-vu-iterations", "vus": 2, "iterations": 3, "startTime": "5s",
                        "exec": "other", "gracefulStop": "1s", "tags": {"k": "v"}, "env": {"E": "1"}}
                }}"""));
        assertThat(executors).extracting(e -> e.scenario().name()).containsExactly("a", "b", "c", "d");
        assertThat(((ConstantArrivalRate) executors.get(0)).config())
                .isEqualTo(new ConstantArrivalRate.Config(10, Duration.ofSeconds(1), Duration.ofMinutes(1), 4, 4));
        RampingArrivalRate.Config b = ((RampingArrivalRate) executors.get(1)).config();
        assertThat(b.startRate()).isZero();
        assertThat(b.timeUnit()).isEqualTo(Duration.ofMinutes(1));
        assertThat(executors.get(1).maxVus()).isEqualTo(9);
        assertThat(((ExternallyControlled) executors.get(2)).config())
                .isEqualTo(new ExternallyControlled.Config(2, 5, Duration.ZERO));
        Scenario d = executors.get(3).scenario();
        assertThat(d.startTime()).isEqualTo(Duration.ofSeconds(5));
        assertThat(d.exec()).isEqualTo("other");
        assertThat(d.gracefulStop()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.tags().get("k")).isEqualTo("v");
        assertThat(d.env()).containsEntry("E", "1");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"executor\": \"constant-vus\"}| scenarios.x.duration is required",
        "{\"executor\": \"constant-vus\", \"vus\": 0, \"duration\": \"1s\"}| scenarios.x.vus:",
        "{\"executor\": \"constant-vus\", \"vus\": \"many\", \"duration\": \"1s\"}| scenarios.x.vus",
        "{\"executor\": \"shared-iterations\", \"vus\": 5, \"iterations\": 2}| scenarios.x.iterations:",
        "{\"executor\": \"per-vu-iterations\", \"iterations\": 0}| scenarios.x.iterations:",
        "{\"executor\": \"ramping-vus\"}| scenarios.x.stages:",
        "{\"executor\": \"ramping-vus\", \"stages\": [{\"duration\": \"1x\"}]}| scenarios.x.stages.duration",
        "{\"executor\": \"constant-arrival-rate\", \"duration\": \"1s\", \"preAllocatedVUs\": 1}| scenarios.x.rate is required",
        "{\"executor\": \"constant-arrival-rate\", \"rate\": 1, \"duration\": \"1s\"}| scenarios.x.preAllocatedVUs is required",
        "{\"executor\": \"constant-arrival-rate\", \"rate\": 1, \"duration\": \"1s\", \"preAllocatedVUs\": 3, \"maxVUs\": 2}| scenarios.x.maxVUs:",
        "{\"executor\": \"constant-arrival-rate\", \"rate\": 0, \"duration\": \"1s\", \"preAllocatedVUs\": 1}| scenarios.x.rate:",
        "{\"executor\": \"ramping-arrival-rate\", \"preAllocatedVUs\": 1, \"stages\": []}| scenarios.x.stages:",
        "{\"executor\": \"ramping-arrival-rate\", \"preAllocatedVUs\": 1, \"timeUnit\": \"0s\", \"stages\": [{\"duration\": \"1s\", \"target\": 1}]}| scenarios.x.timeUnit:",
        "{\"executor\": \"externally-controlled\", \"vus\": 1}| scenarios.x.duration must be specified",
        "{\"executor\": \"externally-controlled\", \"vus\": 3, \"maxVUs\": 2, \"duration\": \"1s\"}| scenarios.x.maxVUs:",
        "{\"executor\": \"externally-controlled\", \"duration\": \"1s\", \"gracefulStop\": \"1s\"}| scenarios.x.gracefulStop is not supported",
        "{\"executor\": \"warp-speed\"}| scenarios.x.executor: unknown executor",
        "{\"executor\": \"constant-vus\", \"duration\": \"1s\", \"startTime\": \"soon\"}| scenarios.x.startTime",
    })
    void errorsNameTheScenarioAndTheSetting(String scenario, String message) {
        JsonObject all = new JsonObject();
        JsonObject s = new JsonObject();
        s.add("x", JsonParser.parseString(scenario));
        all.add("scenarios", s);
        assertThatThrownBy(() -> scenarios.fromOptions(TestOptions.of(all)))
                .isInstanceOf(OptionsException.class).hasMessageContaining(message.trim());
    }

    @Test
    void everyExecutorIsScaledByTheInstancesSegment() {
        Scenarios third = new Scenarios(Scenarios.builtinTypes(),
                new Instance(ExecutionTuple.parse("2/3:1", "0,1/3,2/3,1"), new PauseGate()));
        List<Executor> executors = third.fromOptions(options("""
                {"scenarios": {
                  "cv": {"executor": "constant-vus", "vus": 10, "duration": "1s"},
                  "si": {"executor": "shared-iterations", "vus": 10, "iterations": 100},
                  "pv": {"executor": "per-vu-iterations", "vus": 2},
                  "rv": {"executor": "ramping-vus", "stages": [{"duration": "1s", "target": 9}]},
                  "ca": {"executor": "constant-arrival-rate", "rate": 1, "duration": "1s", "preAllocatedVUs": 3, "maxVUs": 6},
                  "ec": {"executor": "externally-controlled", "vus": 3, "duration": "0"}
                }}"""));
        assertThat(executors).extracting(Executor::maxVus).containsExactly(3, 3, 0, 3, 2, 1);
        assertThat(((SharedIterations) executors.get(1)).iterations()).isEqualTo(30);
    }
}
