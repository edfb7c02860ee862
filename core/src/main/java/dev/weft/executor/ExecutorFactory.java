package dev.weft.executor;

import com.google.gson.JsonObject;

/** Builds one executor type from a scenario's JSON settings (k6's executor config). */
@FunctionalInterface
public interface ExecutorFactory {
    Executor create(Scenario scenario, ScenarioSettings settings);

    /** The JSON of one scenario with typed, named-in-errors reads. */
    record ScenarioSettings(String scenarioName, JsonObject json) {
    }
}
