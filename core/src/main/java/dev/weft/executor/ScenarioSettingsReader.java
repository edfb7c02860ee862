package dev.weft.executor;

import com.google.gson.JsonElement;
import dev.weft.options.OptionsException;
import dev.weft.options.Values;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Typed reads of a scenario's settings; errors name the scenario and the setting. */
final class ScenarioSettingsReader {
    private final ExecutorFactory.ScenarioSettings settings;

    ScenarioSettingsReader(ExecutorFactory.ScenarioSettings settings) {
        this.settings = settings;
    }

    private String name(String key) {
        return "scenarios." + settings.scenarioName() + "." + key;
    }

    Optional<Long> integer(String key) {
        return Optional.ofNullable(settings.json().get(key)).map(v -> Values.integer(name(key), v));
    }

    Optional<Duration> duration(String key) {
        return Optional.ofNullable(settings.json().get(key)).map(v -> Values.duration(name(key), v));
    }

    List<Stage> stages() {
        JsonElement e = settings.json().get("stages");
        if (e == null) {
            return List.of();
        }
        if (!e.isJsonArray()) {
            throw new OptionsException(name("stages") + " must be a list of {duration, target}");
        }
        List<Stage> stages = new ArrayList<>();
        for (JsonElement s : e.getAsJsonArray()) {
            if (!s.isJsonObject() || !s.getAsJsonObject().has("duration")) {
                throw new OptionsException(name("stages") + " entries need a duration and a target");
            }
            var o = s.getAsJsonObject();
            long target = o.has("target") ? Values.integer(name("stages.target"), o.get("target")) : 0;
            stages.add(new Stage(Values.duration(name("stages.duration"), o.get("duration")), target));
        }
        return stages;
    }
}
