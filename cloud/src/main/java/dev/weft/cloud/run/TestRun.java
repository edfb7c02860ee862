package dev.weft.cloud.run;

import java.util.List;
import java.util.Map;

/**
 * A test run as stored. Times are epoch milliseconds.
 *
 * @param runStatus        k6's run status code from the finish call (3 finished, 5 user abort...), or null
 * @param resultStatus     0 passed, 1 failed (a threshold failed), or null while unknown
 * @param thresholdResults per metric, per threshold source: true when it failed; null until finished
 * @param runKey           the key runner instances join the run by, or null for a run of one runner
 * @param expectedInstances how many instances the joined run waits for, or null when they did not say
 * @param instances        how many instances have joined (0 for a run created without a key)
 * @param finishedInstances how many of them have finished
 * @param accounting       samples received, folded into overflow series and lost
 * @param testId           the test the run belongs to (its name within its project), or null
 * @param rollups          false for a run stored before rollups were kept at ingest (built on first analysis)
 * @param testDurationMs   the runner's test duration from its finish call, or null when it did not say
 */
public record TestRun(long id, long orgId, String name, Long projectId, long vus, long durationSeconds,
        Map<String, List<String>> thresholds, RunState state, Integer runStatus, Integer resultStatus,
        Map<String, Map<String, Boolean>> thresholdResults, long createdAt, long lastDataAt, Long endedAt,
        String runKey, Integer expectedInstances, int instances, int finishedInstances, RunAccounting accounting,
        Long testId, boolean rollups, Long testDurationMs) {

    public String referenceId() {
        return Long.toString(id);
    }

    /**
     * The outcome the web app and the JSON show: {@code "no data"} when no sample was stored
     * (whatever the runner said), else {@code "passed"} or {@code "failed"} from the result
     * status, or null while it is not known.
     */
    public String outcome() {
        if (accounting.samplesReceived() == 0 && state != RunState.RUNNING) {
            return "no data";
        }
        if (resultStatus == null) {
            return null;
        }
        return resultStatus == 0 ? "passed" : "failed";
    }

    TestRun withAccounting(RunAccounting a) {
        return new TestRun(id, orgId, name, projectId, vus, durationSeconds, thresholds, state, runStatus, resultStatus,
                thresholdResults, createdAt, lastDataAt, endedAt, runKey, expectedInstances, instances,
                finishedInstances, a, testId, rollups, testDurationMs);
    }
}
