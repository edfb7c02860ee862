package dev.weft.cloud.wire;

import com.google.gson.annotations.JsonAdapter;
import java.util.Map;

/** Data of a {@link SampleTypes#POINTS}: several metrics of one event (k6's {@code SampleDataMap}). */
public record PointsData(@JsonAdapter(MicrosAsString.class) long time, String type,
        Map<String, String> tags, Map<String, Double> values) {
}
