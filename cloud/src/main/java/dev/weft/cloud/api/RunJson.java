package dev.weft.cloud.api;

import dev.weft.cloud.account.Principal;
import dev.weft.cloud.run.RunService;
import dev.weft.cloud.run.TestRun;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A run as the JSON API and the web app show it. Stateless. */
public final class RunJson {
    private RunJson() {
    }

    public static Map<String, Object> of(TestRun run) {
        Map<String, Object> m = new LinkedHashMap<>();
        // the header the analysis API and the run page share (issue 15)
        m.put("id", run.id());
        m.put("testId", run.testId());
        m.put("projectId", run.projectId() == null ? 0L : run.projectId());
        m.put("state", run.state().label());
        m.put("result", run.outcome());
        m.put("createdAt", run.createdAt());
        m.put("endedAt", run.endedAt());
        m.put("durationS", ((run.endedAt() != null ? run.endedAt() : run.lastDataAt()) - run.createdAt()) / 1000.0);
        m.put("reference_id", run.referenceId());
        m.put("name", run.name());
        m.put("run_state", run.state().name());
        m.put("run_state_label", run.state().label());
        m.put("run_status", run.runStatus());
        m.put("result_status", run.resultStatus());
        m.put("vus", run.vus());
        m.put("duration", run.durationSeconds());
        m.put("thresholds", run.thresholds());
        m.put("threshold_results", run.thresholdResults());
        m.put("created_at", run.createdAt());
        m.put("last_data_at", run.lastDataAt());
        m.put("ended_at", run.endedAt());
        m.put("outcome", run.outcome());
        m.put("samples_received", run.accounting().samplesReceived());
        m.put("overflow_samples", run.accounting().overflowSamples());
        m.put("lost_samples", run.accounting().lostSamples());
        m.put("losses", run.accounting().losses().stream().map(l -> {
            Map<String, Object> loss = new LinkedHashMap<>();
            loss.put("reason", l.reason().name().toLowerCase(java.util.Locale.ROOT));
            loss.put("description", l.description());
            loss.put("batches", l.batches());
            loss.put("samples", l.samples());
            loss.put("last_message", l.lastMessage());
            return loss;
        }).toList());
        if (run.runKey() != null) {
            m.put("run_key", run.runKey());
            m.put("expected_instances", run.expectedInstances());
            m.put("instances", run.instances());
            m.put("finished_instances", run.finishedInstances());
        }
        return m;
    }

    static List<Map<String, Object>> list(RunService runs, Principal p) throws SQLException {
        return runs.list(p).stream().map(RunJson::of).toList();
    }
}
