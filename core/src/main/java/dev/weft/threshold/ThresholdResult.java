package dev.weft.threshold;

import java.util.List;

/**
 * What one threshold evaluation found.
 *
 * @param failed   every threshold that failed, in configuration order
 * @param abort    true when a failed threshold has abortOnFail and its delayAbortEval has passed
 *                 (stays true once it happened): the run should stop with k6's
 *                 thresholds-failed code (99)
 */
public record ThresholdResult(List<Failure> failed, boolean abort) {
    public ThresholdResult {
        failed = List.copyOf(failed);
    }

    /** One failed threshold: the key it was set on and its expression as written. */
    public record Failure(String key, String source) {
    }

    public boolean allPassed() {
        return failed.isEmpty();
    }

    /** Distinct keys (metrics or sub-metrics) with at least one failed threshold, sorted. */
    public List<String> breachedKeys() {
        return failed.stream().map(Failure::key).distinct().sorted().toList();
    }
}
