package dev.weft.executor;

import com.google.gson.JsonObject;

/** Builds one executor type from a scenario's JSON settings (k6's executor config). */
@FunctionalInterface
public interface ExecutorFactory {
    Executor create(Scenario scenario, ScenarioSettings settings);

    /**
     * The JSON of one scenario, and the instance it runs in (whose execution segment the
     * executor scales its VUs and iterations by).
     */
    record ScenarioSettings(String scenarioName, JsonObject json, Instance instance) {
        public ScenarioSettings(String scenarioName, JsonObject json) {
            this(scenarioName, json, Instance.whole());
        }
    }
}
