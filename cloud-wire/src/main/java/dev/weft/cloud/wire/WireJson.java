package dev.weft.cloud.wire;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.util.List;

/**
 * The one Gson configuration both ends use (immutable, thread-safe), and helpers to read a
 * metrics body. Parsing errors surface as {@link JsonParseException}.
 */
public final class WireJson {
    private WireJson() {
    }

    public static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private static final Type SAMPLE_LIST = new TypeToken<List<WireSample>>() { }.getType();

    /** A metrics body: a JSON array of envelopes. */
    public static List<WireSample> samples(String json) {
        List<WireSample> list = GSON.fromJson(json, SAMPLE_LIST);
        if (list == null) {
            throw new JsonParseException("the body is empty; expected a JSON array of samples");
        }
        return list;
    }

    /** The data of an envelope as the record its type says. */
    public static <T> T data(WireSample sample, Class<T> type) {
        if (sample.data() == null || !sample.data().isJsonObject()) {
            throw new JsonParseException("sample of metric '" + sample.metric() + "' has no data object");
        }
        return GSON.fromJson(sample.data(), type);
    }
}
