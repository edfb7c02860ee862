package dev.weft.cloud.wire;

import com.google.gson.annotations.JsonAdapter;
import java.util.Map;

/**
 * Data of a {@link SampleTypes#AGGREGATE} (Weft's extension): every sample of one metric with
 * one tag set within one second. The service merges these, so sending the same second twice
 * in different batches (a late sample) adds up correctly.
 *
 * @param time      start of the second, microseconds since the epoch
 * @param type      counter, gauge, rate or trend
 * @param count     how many samples
 * @param sum       their sum (for a rate: how many were non-zero)
 * @param last      the latest value (what a gauge shows)
 * @param histogram a {@link TrendDigest} in its encoded form, trends only, else null
 */
public record AggregateData(@JsonAdapter(MicrosAsString.class) long time, String type,
        Map<String, String> tags, long count, double sum, double min, double max, double last,
        String histogram) {
}
