package dev.weft.options;

import com.google.gson.JsonElement;
import java.time.Duration;

/** Reads k6 option values that may come as numbers or as strings. */
public final class Values {
    private Values() {
    }

    /** A whole number, given as a number or a numeric string. */
    public static long integer(String name, JsonElement v) {
        try {
            if (v.isJsonPrimitive()) {
                double d = v.getAsJsonPrimitive().isNumber() ? v.getAsDouble() : Double.parseDouble(v.getAsString());
                if (d == Math.rint(d) && d >= 0) {
                    return (long) d;
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the error
        }
        throw new OptionsException("option \"" + name + "\" must be a whole number, not " + v);
    }

    /** A k6 duration: a string such as "30s" or "1m30s", or a number of milliseconds. */
    public static Duration duration(String name, JsonElement v) {
        if (v.isJsonPrimitive()) {
            try {
                return K6Duration.parse(v.getAsString());
            } catch (IllegalArgumentException e) {
                // fall through
            }
        }
        throw new OptionsException("option \"" + name + "\" must be a duration such as 30s or 1m30s, not " + v);
    }
}
