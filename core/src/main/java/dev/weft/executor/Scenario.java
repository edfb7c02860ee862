package dev.weft.executor;

import dev.weft.metrics.Tags;
import java.time.Duration;
import java.util.Map;

/**
 * The parts every scenario has, whatever its executor (k6's BaseConfig).
 *
 * @param name         scenario name (the {@code scenario} tag)
 * @param executor     k6's executor type name
 * @param exec         exported function the VUs run
 * @param startTime    delay from test start before the scenario starts
 * @param gracefulStop how long iterations in flight may run on after the scenario's end
 * @param env          extra {@code __ENV} values for this scenario
 * @param tags         extra tags for this scenario's samples
 */
public record Scenario(String name, String executor, String exec, Duration startTime, Duration gracefulStop,
        Map<String, String> env, Tags tags) {
    public static final Duration DEFAULT_GRACEFUL_STOP = Duration.ofSeconds(30);
}
