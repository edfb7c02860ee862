package dev.weft.executor;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.weft.metrics.Tags;
import dev.weft.options.OptionsException;
import dev.weft.options.TestOptions;
import dev.weft.options.Values;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns options into executors as k6 does: {@code scenarios} if given, else the shortcuts
 * ({@code stages} → ramping-vus, {@code iterations} → shared-iterations, {@code duration} →
 * constant-vus, nothing → one iteration per VU), all in a scenario named "default".
 */
public final class Scenarios {
    public static final String DEFAULT_NAME = "default";

    private final Map<String, ExecutorFactory> types;
    private final Instance instance;

    /** For a test run whole by one instance, with an open pause gate. */
    public Scenarios(Map<String, ExecutorFactory> types) {
        this(types, Instance.whole());
    }

    /** For this instance's share of the test; every executor gets {@code instance}. */
    public Scenarios(Map<String, ExecutorFactory> types, Instance instance) {
        this.types = Map.copyOf(types);
        this.instance = instance;
    }

    /** The executor types Weft ships, by k6 name. */
    public static Map<String, ExecutorFactory> builtinTypes() {
        Map<String, ExecutorFactory> m = new LinkedHashMap<>();
        m.put(ConstantVus.TYPE, (sc, s) -> {
            var r = new ScenarioSettingsReader(s);
            return new ConstantVus(sc, new ConstantVus.Config(r.integer("vus").orElse(1L).intValue(),
                    r.duration("duration").orElseThrow(() -> missing(s, "duration"))), s.instance());
        });
        m.put(SharedIterations.TYPE, (sc, s) -> {
            var r = new ScenarioSettingsReader(s);
            return new SharedIterations(sc, new SharedIterations.Config(r.integer("vus").orElse(1L).intValue(),
                    r.integer("iterations").orElse(1L),
                    r.duration("maxDuration").orElse(SharedIterations.DEFAULT_MAX_DURATION)), s.instance());
        });
        m.put(PerVuIterations.TYPE, (sc, s) -> {
            var r = new ScenarioSettingsReader(s);
            return new PerVuIterations(sc, new PerVuIterations.Config(r.integer("vus").orElse(1L).intValue(),
                    r.integer("iterations").orElse(1L),
                    r.duration("maxDuration").orElse(SharedIterations.DEFAULT_MAX_DURATION)), s.instance());
        });
        m.put(RampingVus.TYPE, (sc, s) -> {
            var r = new ScenarioSettingsReader(s);
            return new RampingVus(sc, new RampingVus.Config(r.integer("startVUs").orElse(1L).intValue(),
                    r.stages(), r.duration("gracefulRampDown").orElse(Scenario.DEFAULT_GRACEFUL_STOP)), s.instance());
        });
        m.put(ConstantArrivalRate.TYPE, (sc, s) -> {
            var r = new ScenarioSettingsReader(s);
            int pre = r.integer("preAllocatedVUs").orElseThrow(() -> missing(s, "preAllocatedVUs")).intValue();
            return new ConstantArrivalRate(sc, new ConstantArrivalRate.Config(
                    r.integer("rate").orElseThrow(() -> missing(s, "rate")),
                    r.duration("timeUnit").orElse(ConstantArrivalRate.DEFAULT_TIME_UNIT),
                    r.duration("duration").orElseThrow(() -> missing(s, "duration")),
                    pre, r.integer("maxVUs").map(Long::intValue).orElse(pre)), s.instance());
        });
        m.put(RampingArrivalRate.TYPE, (sc, s) -> {
            var r = new ScenarioSettingsReader(s);
            int pre = r.integer("preAllocatedVUs").orElseThrow(() -> missing(s, "preAllocatedVUs")).intValue();
            return new RampingArrivalRate(sc, new RampingArrivalRate.Config(r.integer("startRate").orElse(0L),
                    r.duration("timeUnit").orElse(ConstantArrivalRate.DEFAULT_TIME_UNIT), r.stages(),
                    pre, r.integer("maxVUs").map(Long::intValue).orElse(pre)), s.instance());
        });
        m.put(ExternallyControlled.TYPE, (sc, s) -> {
            var r = new ScenarioSettingsReader(s);
            if (s.json().has("gracefulStop")) {
                throw new OptionsException("scenarios." + s.scenarioName()
                        + ".gracefulStop is not supported by the externally controlled executor");
            }
            int vus = r.integer("vus").orElse(0L).intValue();
            return new ExternallyControlled(sc, new ExternallyControlled.Config(vus,
                    r.integer("maxVUs").map(Long::intValue).orElse(vus),
                    r.duration("duration").orElseThrow(() -> new OptionsException("scenarios." + s.scenarioName()
                            + ".duration must be specified, for infinite duration use 0"))), s.instance());
        });
        return m;
    }

    private static OptionsException missing(ExecutorFactory.ScenarioSettings s, String key) {
        return new OptionsException("scenarios." + s.scenarioName() + "." + key + " is required");
    }

    /** The executors the options describe, in the order the scenarios were written. */
    public List<Executor> fromOptions(TestOptions options) {
        JsonObject scenarios = options.get("scenarios").filter(JsonElement::isJsonObject)
                .map(JsonElement::getAsJsonObject).orElseGet(() -> shortcut(options));
        List<Executor> executors = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : scenarios.entrySet()) {
            if (!e.getValue().isJsonObject()) {
                throw new OptionsException("scenarios." + e.getKey() + " must be an object");
            }
            executors.add(build(e.getKey(), e.getValue().getAsJsonObject()));
        }
        if (executors.isEmpty()) {
            throw new OptionsException("no scenarios to run");
        }
        return executors;
    }

    private Executor build(String name, JsonObject json) {
        String type = json.has("executor") ? json.get("executor").getAsString() : "";
        ExecutorFactory factory = types.get(type);
        if (factory == null) {
            throw new OptionsException("scenarios." + name + ".executor: unknown executor \"" + type
                    + "\" (known: " + String.join(", ", types.keySet()) + ")");
        }
        Map<String, String> env = new LinkedHashMap<>();
        if (json.has("env")) {
            json.getAsJsonObject("env").entrySet().forEach(en -> env.put(en.getKey(), en.getValue().getAsString()));
        }
        Map<String, String> tags = new LinkedHashMap<>();
        if (json.has("tags")) {
            json.getAsJsonObject("tags").entrySet().forEach(en -> tags.put(en.getKey(), en.getValue().getAsString()));
        }
        Scenario scenario = new Scenario(name, type,
                json.has("exec") ? json.get("exec").getAsString() : DEFAULT_NAME,
                json.has("startTime") ? Values.duration("scenarios." + name + ".startTime", json.get("startTime"))
                        : Duration.ZERO,
                json.has("gracefulStop") ? Values.duration("scenarios." + name + ".gracefulStop",
                        json.get("gracefulStop")) : Scenario.DEFAULT_GRACEFUL_STOP,
                env, new Tags(tags));
        try {
            return factory.create(scenario, new ExecutorFactory.ScenarioSettings(name, json, instance));
        } catch (InvalidSettingException e) {
            throw new OptionsException("scenarios." + name + "." + e.key() + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new OptionsException("scenarios." + name + ": " + e.getMessage());
        }
    }

    private static JsonObject shortcut(TestOptions options) {
        JsonObject s = new JsonObject();
        options.get("vus").ifPresent(v -> s.add("vus", v));
        if (options.has("stages")) {
            s.addProperty("executor", RampingVus.TYPE);
            s.add("stages", options.get("stages").get());
            options.get("vus").ifPresent(v -> s.add("startVUs", v));
            s.remove("vus");
        } else if (options.has("iterations")) {
            s.addProperty("executor", SharedIterations.TYPE);
            s.add("iterations", options.get("iterations").get());
            options.get("duration").ifPresent(d -> s.add("maxDuration", d));
        } else if (options.duration().filter(d -> !d.isZero()).isPresent()) {
            s.addProperty("executor", ConstantVus.TYPE);
            s.add("duration", options.get("duration").get());
        } else {
            s.addProperty("executor", PerVuIterations.TYPE);
            s.addProperty("iterations", 1);
        }
        JsonObject all = new JsonObject();
        all.add(DEFAULT_NAME, s);
        return all;
    }
}
