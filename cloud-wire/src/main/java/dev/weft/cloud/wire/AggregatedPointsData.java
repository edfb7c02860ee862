package dev.weft.cloud.wire;

import com.google.gson.annotations.JsonAdapter;
import com.google.gson.annotations.SerializedName;
import java.util.Map;

/**
 * Data of a {@link SampleTypes#AGGREGATED_POINTS}: k6's summary of {@code count} HTTP requests
 * with one tag set in one aggregation period ({@code SampleDataAggregatedHTTPReqs}).
 *
 * @param values per http_req_* metric: {min, max, avg} for the timings, {count, nz_count}
 *               for http_req_failed
 */
public record AggregatedPointsData(@JsonAdapter(MicrosAsString.class) long time, String type, long count,
        Map<String, String> tags, Map<String, Value> values) {

    /** One metric's summary; the fields the metric does not have are null. */
    public record Value(Double min, Double max, Double avg, Double count,
            @SerializedName("nz_count") Double nonZeroCount) {
    }
}
