package dev.weft.cloud.wire;

import com.google.gson.annotations.SerializedName;
import java.util.List;

/**
 * Answer to {@code POST /v1/tests} (k6's {@code cloudapi.CreateTestRunResponse}). k6 applies
 * {@code config} over its own settings, so a {@code webAppURL} there makes k6 print
 * {@code <webAppURL>/runs/<reference_id>}.
 */
public record CreateTestRunResponse(
        @SerializedName("reference_id") String referenceId,
        ConfigOverride config,
        List<LogEntry> logs) {

    /**
     * The part of k6's cloud config the service overrides (k6's {@code cloudapi.Config} JSON
     * names; durations as Go duration text such as {@code "1s"}; null fields are left out and
     * leave k6's own setting).
     *
     * @param tracesEnabled         false, else k6 v1 dials Grafana's traces host
     * @param aggregationPeriod     how long each v2 value covers (the service stores seconds)
     * @param aggregationWaitPeriod how long k6 waits for late samples before sending a period
     * @param metricPushInterval    how often k6 pushes
     * @param maxTimeSeriesInBatch  most time series in one v2 body
     */
    public record ConfigOverride(@SerializedName("webAppURL") String webAppUrl,
            @SerializedName("testRunDetails") String testRunDetails,
            @SerializedName("tracesEnabled") Boolean tracesEnabled,
            @SerializedName("aggregationPeriod") String aggregationPeriod,
            @SerializedName("aggregationWaitPeriod") String aggregationWaitPeriod,
            @SerializedName("metricPushInterval") String metricPushInterval,
            @SerializedName("maxTimeSeriesInBatch") Integer maxTimeSeriesInBatch) {

        /** Only the run's page; k6's other settings stay as they are. */
        public ConfigOverride(String webAppUrl, String testRunDetails) {
            this(webAppUrl, testRunDetails, null, null, null, null, null);
        }
    }

    /** A message the service asks the runner to log. */
    public record LogEntry(String level, String message) {
    }

    /** The page of the run in the web app, or null when the service did not say. */
    public String runUrl() {
        if (config == null) {
            return null;
        }
        if (config.testRunDetails() != null && !config.testRunDetails().isEmpty()) {
            return config.testRunDetails();
        }
        return config.webAppUrl() == null ? null : config.webAppUrl() + "/runs/" + referenceId;
    }
}
