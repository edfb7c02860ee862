package dev.weft.cloud.wire;

import com.google.gson.annotations.SerializedName;
import java.util.Map;

/**
 * Body of {@code POST /v1/tests/{referenceId}} that ends a run (k6's {@code TestFinished}).
 *
 * @param resultStatus {@link CloudApi#RESULT_PASSED} or {@link CloudApi#RESULT_FAILED}
 * @param runStatus    k6's run status code: 3 finished, 5 aborted by user, 6 by system,
 *                     7 by script error, 8 by threshold
 * @param thresholds   per metric, per threshold source: true when that threshold failed
 * @param droppedSamples Weft's extension: samples the runner measured but never delivered
 *                     (queue full, gave up retrying), or null when it does not say; the
 *                     service shows them among the run's lost samples
 */
public record TestFinishedRequest(
        @SerializedName("result_status") int resultStatus,
        @SerializedName("run_status") int runStatus,
        Map<String, Map<String, Boolean>> thresholds,
        @SerializedName("weft_dropped_samples") Long droppedSamples) {

    /** A finish as k6 sends it, without Weft's drop count. */
    public TestFinishedRequest(int resultStatus, int runStatus, Map<String, Map<String, Boolean>> thresholds) {
        this(resultStatus, runStatus, thresholds, null);
    }
}
