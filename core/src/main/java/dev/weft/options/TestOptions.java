package dev.weft.options;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The test's options after merging, as k6 names them, with typed accessors. Immutable once
 * built; read by the CLI, the executors' factory and the JS modules at start-up.
 */
public final class TestOptions {
    private final JsonObject raw;

    private TestOptions(JsonObject raw) {
        this.raw = raw;
    }

    /** The options that say how the test executes: a layer setting any of them replaces all four. */
    private static final List<String> EXECUTION = List.of("duration", "iterations", "stages", "scenarios");

    /**
     * Merges option layers, later ones winning key by key (k6: defaults < config file < script
     * < environment < flags), and rejects names k6 does not know. As in k6, a layer that sets
     * any of duration, iterations, stages or scenarios drops all four from the layers below
     * ({@code -i 1} on a script with stages runs one iteration, not the stages).
     */
    public static TestOptions merge(List<JsonObject> layers) {
        JsonObject merged = new JsonObject();
        for (JsonObject layer : layers) {
            if (EXECUTION.stream().anyMatch(k -> layer.has(k) && !layer.get(k).isJsonNull())) {
                EXECUTION.forEach(merged::remove);
            }
            for (Map.Entry<String, JsonElement> e : layer.entrySet()) {
                if (!KnownOptions.SUPPORTED.contains(e.getKey())) {
                    throw new OptionsException("unknown option \"" + e.getKey() + "\"");
                }
                if (!e.getValue().isJsonNull()) {
                    merged.add(e.getKey(), e.getValue());
                }
            }
        }
        return new TestOptions(merged);
    }

    public static TestOptions of(JsonObject options) {
        return merge(List.of(options));
    }

    /** The merged options as JSON, for JS modules that read their own settings. */
    public JsonObject raw() {
        return raw.deepCopy();
    }

    public Optional<Integer> vus() {
        return integer("vus").map(Math::toIntExact);
    }

    public Optional<Long> iterations() {
        return integer("iterations");
    }

    public Optional<Duration> duration() {
        return duration("duration");
    }

    public Duration setupTimeout() {
        return duration("setupTimeout").orElse(Duration.ofSeconds(60));
    }

    public Duration teardownTimeout() {
        return duration("teardownTimeout").orElse(Duration.ofSeconds(60));
    }

    public boolean noSetup() {
        return bool("noSetup");
    }

    public boolean noTeardown() {
        return bool("noTeardown");
    }

    public boolean has(String name) {
        return raw.has(name);
    }

    public Optional<JsonElement> get(String name) {
        return Optional.ofNullable(raw.get(name));
    }

    /** Test-wide tags from {@code options.tags}. */
    public Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        get("tags").ifPresent(t -> {
            if (!t.isJsonObject()) {
                throw new OptionsException("option \"tags\" must be an object of tag names to values");
            }
            t.getAsJsonObject().entrySet().forEach(e -> tags.put(e.getKey(), text(e.getValue())));
        });
        return tags;
    }

    public Optional<JsonObject> thresholds() {
        return get("thresholds").map(t -> {
            if (!t.isJsonObject()) {
                throw new OptionsException("option \"thresholds\" must be an object of metric names to lists");
            }
            return t.getAsJsonObject();
        });
    }

    public boolean bool(String name) {
        return get(name).map(v -> {
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isBoolean()) {
                throw new OptionsException("option \"" + name + "\" must be true or false");
            }
            return v.getAsBoolean();
        }).orElse(false);
    }

    public Optional<Long> integer(String name) {
        return get(name).map(v -> Values.integer(name, v));
    }

    public Optional<Duration> duration(String name) {
        return get(name).map(v -> Values.duration(name, v));
    }

    private static String text(JsonElement e) {
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }
}
