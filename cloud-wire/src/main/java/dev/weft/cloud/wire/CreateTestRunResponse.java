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

    /** The part of k6's cloud config the service overrides. */
    public record ConfigOverride(@SerializedName("webAppURL") String webAppUrl,
            @SerializedName("testRunDetails") String testRunDetails) {
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
