package dev.weft.cloud.wire;

import com.google.gson.JsonElement;

/**
 * The envelope of every element in a metrics body: {@code {type, metric, data}}. {@code data}
 * stays a JSON tree until the reader knows the type (see {@link SampleTypes}); decode it with
 * {@link WireJson#data(WireSample, Class)}.
 */
public record WireSample(String type, String metric, JsonElement data) {

    /** An envelope around a data record, serialised with {@link WireJson#GSON}. */
    public static WireSample of(String type, String metric, Object data) {
        return new WireSample(type, metric, WireJson.GSON.toJsonTree(data));
    }
}
