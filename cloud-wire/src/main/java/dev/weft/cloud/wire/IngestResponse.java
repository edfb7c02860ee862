package dev.weft.cloud.wire;

import com.google.gson.annotations.SerializedName;
import java.util.List;

/**
 * Answer to a metrics push that was stored (Weft's extension; k6 ignores the body of a 200).
 * Every sample of an accepted batch is stored; past the run's series budget new series of a
 * metric are folded into one overflow series per metric, which keeps totals and percentiles
 * exact but loses those samples' own tag sets. The runner warns once when
 * {@code overflowSamples} turns positive.
 *
 * @param duplicate       true when a batch with the same idempotency key was already stored
 * @param aggregates      how many per-second aggregates the batch held
 * @param samples         how many measured samples the batch stood for
 * @param overflowSamples how many of them went into overflow series (tag sets not kept)
 * @param lostSamples     how many could not be stored at all (counted on the run; see warnings)
 * @param warnings        one line each, for the runner to print; empty when all is well
 */
public record IngestResponse(
        boolean duplicate,
        int aggregates,
        long samples,
        @SerializedName("overflow_samples") long overflowSamples,
        @SerializedName("lost_samples") long lostSamples,
        List<String> warnings) {

    public IngestResponse {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
