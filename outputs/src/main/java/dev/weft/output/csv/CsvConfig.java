package dev.weft.output.csv;

import java.util.Map;
import java.util.Set;

/**
 * The csv output's settings, from (lowest to highest precedence) defaults, the environment
 * ({@code K6_CSV_FILENAME}, {@code K6_CSV_TIME_FORMAT}) and the {@code --out csv=} argument,
 * which is either a file name or {@code fileName=...,timeFormat=...,saveInterval=...}.
 *
 * @param timeFormat {@code unix} (seconds, default), {@code unix_milli}, {@code unix_micro},
 *                   {@code unix_nano}, {@code rfc3339} or {@code rfc3339_nano}
 */
public record CsvConfig(String fileName, String timeFormat) {
    static final Set<String> TIME_FORMATS = Set.of("unix", "unix_milli", "unix_micro", "unix_nano", "rfc3339",
            "rfc3339_nano");

    /** @throws IllegalArgumentException for an unknown key or time format */
    public static CsvConfig from(Map<String, String> env, String argument) {
        String fileName = "file.csv";
        String timeFormat = "unix";
        if (env != null) {
            fileName = env.getOrDefault("K6_CSV_FILENAME", fileName);
            timeFormat = env.getOrDefault("K6_CSV_TIME_FORMAT", timeFormat);
        }
        String arg = argument == null ? "" : argument.trim();
        if (!arg.isEmpty() && !arg.contains("=")) {
            fileName = arg;
        } else if (!arg.isEmpty()) {
            for (String pair : arg.split(",")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("couldn't parse \"" + arg + "\" as argument for csv output");
                }
                switch (key) {
                    case "fileName" -> fileName = value;
                    case "timeFormat" -> timeFormat = value;
                    case "saveInterval" -> { } // rows are written as soon as the writer catches up
                    default -> throw new IllegalArgumentException("unknown key \"" + key
                            + "\" as argument for csv output");
                }
            }
        }
        if (!TIME_FORMATS.contains(timeFormat)) {
            throw new IllegalArgumentException("unknown csv time format \"" + timeFormat + "\", use one of "
                    + "unix, unix_milli, unix_micro, unix_nano, rfc3339, rfc3339_nano");
        }
        return new CsvConfig(fileName, timeFormat);
    }
}
