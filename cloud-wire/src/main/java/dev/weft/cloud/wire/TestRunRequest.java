package dev.weft.cloud.wire;

import com.google.gson.annotations.SerializedName;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /v1/tests} (k6's {@code cloudapi.TestRun}).
 *
 * @param durationSeconds -1 for unknown length, 0 for continuous running
 * @param thresholds      threshold sources per metric name, as the script wrote them
 */
public record TestRunRequest(
        String name,
        @SerializedName("project_id") Long projectId,
        @SerializedName("vus") long vus,
        Map<String, List<String>> thresholds,
        @SerializedName("duration") long durationSeconds) {
}
