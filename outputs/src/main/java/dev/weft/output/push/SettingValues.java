package dev.weft.output.push;

import dev.weft.options.K6Duration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the text of one output setting (from a {@code K6_*} variable or an {@code --out}
 * argument) the way k6's Go code does, with an error that names the setting. Pure functions.
 */
public final class SettingValues {
    private SettingValues() {
    }

    /** Go's duration text ({@code 1s}, {@code 500ms}, {@code 1m30s}); must be positive. */
    public static Duration duration(String where, String text) {
        try {
            Duration d = K6Duration.parse(text);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("must be positive");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": '" + text + "' is not a valid duration (" + e.getMessage()
                    + ")");
        }
    }

    /** Go's strconv.ParseBool: 1, t, T, TRUE, true, True and the same for false. */
    public static boolean bool(String where, String text) {
        return switch (text.trim()) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw new IllegalArgumentException(where + ": '" + text + "' is not true or false");
        };
    }

    /** A whole number of at least {@code min}. */
    public static int atLeast(String where, String text, int min) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v < min) {
                throw new IllegalArgumentException(where + ": must be at least " + min + ", got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + text + "' is not a whole number");
        }
    }

    /** A comma-separated list, items trimmed, empty items left out. */
    public static List<String> list(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    /** Lower case in the root locale, for enum-like settings. */
    public static String lower(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }
}
