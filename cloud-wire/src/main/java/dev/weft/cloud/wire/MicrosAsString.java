package dev.weft.cloud.wire;

import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;

/**
 * k6 writes sample times as a quoted integer ({@code "time":"1700000000123456"}); this writes
 * them the same way and reads both the quoted and the plain number form.
 */
final class MicrosAsString extends TypeAdapter<Long> {
    @Override
    public void write(JsonWriter out, Long value) throws IOException {
        out.value(Long.toString(value));
    }

    @Override
    public Long read(JsonReader in) throws IOException {
        if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            return 0L;
        }
        String text = in.nextString();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            double d = Double.parseDouble(text);
            return (long) d;
        }
    }
}
