package dev.weft.cloud.wire;

import com.google.gson.annotations.JsonAdapter;
import java.util.Map;

/**
 * Data of a {@link SampleTypes#POINT}: one value (k6's {@code SampleDataSingle}).
 *
 * @param time microseconds since the epoch; k6 writes it as a JSON string, both are read
 * @param type the metric type k6 names it: counter, gauge, rate or trend
 */
public record PointData(@JsonAdapter(MicrosAsString.class) long time, String type,
        Map<String, String> tags, double value) {
}
