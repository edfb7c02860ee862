package dev.weft.cli.run;

import dev.weft.cli.UsageException;
import java.util.Map;

/**
 * Where log lines go and how they look: k6's {@code --log-output} ({@code stderr}, {@code
 * stdout}, {@code none}, {@code file=path}) and {@code --log-format} ({@code text} by default,
 * {@code json}, {@code raw}), also from {@code K6_LOG_OUTPUT} / {@code K6_LOG_FORMAT}. Parsed
 * once by the CLI.
 *
 * @param output  "stderr", "stdout", "none" or "file"
 * @param file    the path for "file", else null
 * @param format  "text", "json" or "raw"
 * @param noColor k6's --no-color (text lines carry no ANSI colors either way when not a terminal)
 */
public record LogSettings(String output, String file, String format, boolean noColor) {
    public static final LogSettings DEFAULT = new LogSettings("stderr", null, "text", false);

    /** Flags win over the environment, which wins over the defaults. */
    static LogSettings resolve(String outputFlag, String formatFlag, boolean noColor, Map<String, String> env)
            throws UsageException {
        String out = outputFlag != null ? outputFlag : env.getOrDefault("K6_LOG_OUTPUT", "stderr");
        String format = formatFlag != null ? formatFlag : env.getOrDefault("K6_LOG_FORMAT", "text");
        if (format.isEmpty()) {
            format = "text";
        }
        if (!format.equals("text") && !format.equals("json") && !format.equals("raw")) {
            throw new UsageException("invalid --log-format \"" + format + "\": use json or raw (text is the default)");
        }
        boolean color = noColor || env.containsKey("NO_COLOR") || env.containsKey("K6_NO_COLOR");
        if (out.startsWith("file=")) {
            String path = out.substring(5);
            if (path.isBlank()) {
                throw new UsageException("--log-output=file= needs a path: file=./k6.log");
            }
            return new LogSettings("file", path, format, color);
        }
        if (!out.equals("stderr") && !out.equals("stdout") && !out.equals("none")) {
            throw new UsageException("invalid --log-output \"" + out + "\": use stderr, stdout, none or file=PATH");
        }
        return new LogSettings(out, null, format, color);
    }
}
