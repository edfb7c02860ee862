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
 * @param testDurationMs Weft's extension: the test's duration as the runner's summary counts it
 *                     (its rates divide by it), or null when it does not say (genuine k6)
 */
public record TestFinishedRequest(
        @SerializedName("result_status") int resultStatus,
        @SerializedName("run_status") int runStatus,
        Map<String, Map<String, Boolean>> thresholds,
        @SerializedName("weft_dropped_samples") Long droppedSamples,
        @SerializedName("weft_test_duration_ms") Long testDurationMs) {

    /** A finish as k6 sends it, without Weft's fields. */
    public TestFinishedRequest(int resultStatus, int runStatus, Map<String, Map<String, Boolean>> thresholds) {
        this(resultStatus, runStatus, thresholds, null, null);
    }

    /** A finish with Weft's drop count but no test duration. */
    public TestFinishedRequest(int resultStatus, int runStatus, Map<String, Map<String, Boolean>> thresholds,
            Long droppedSamples) {
        this(resultStatus, runStatus, thresholds, droppedSamples, null);
    }
}
