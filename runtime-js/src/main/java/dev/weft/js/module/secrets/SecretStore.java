package dev.weft.js.module.secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The secret sources of one test, from k6's {@code --secret-source TYPE=CONFIG} lines: {@code
 * file=PATH} (or {@code file=filename=PATH}; lines of {@code key=value}) and {@code env} (the
 * process environment, {@code env=prefix=P} looks up {@code P + key}); {@code name=N} names a
 * source, {@code default} makes it the default, and a lone source is the default, as in k6.
 * Every value read is remembered so {@link #redact} can replace it in log lines with k6's
 * {@code ***SECRET_REDACTED***}. Built once by the CLI; thread-safe (VUs read, the log writer redacts).
 */
public final class SecretStore implements UnaryOperator<String> {
    static final String REDACTED = "***SECRET_REDACTED***";

    /** A named source: a lookup that answers null for a missing key. */
    private record Source(String description, UnaryOperator<String> lookup) {
    }

    private final Map<String, Source> sources;
    private final Map<String, String> cache = new ConcurrentHashMap<>();
    private final List<String> seen = new CopyOnWriteArrayList<>();

    private SecretStore(Map<String, Source> sources) {
        this.sources = sources;
    }

    public static SecretStore none() {
        return new SecretStore(Map.of());
    }

    /**
     * The sources the flag lines describe; {@code cwd} resolves relative file names.
     *
     * @throws IllegalArgumentException naming the line that is wrong
     */
    public static SecretStore fromFlags(List<String> lines, Map<String, String> env, Path cwd) {
        Map<String, Source> result = new LinkedHashMap<>();
        boolean explicitDefault = false;
        for (String line : lines) {
            int eq = line.indexOf('=');
            String type = eq < 0 ? line : line.substring(0, eq);
            String config = eq < 0 ? "" : line.substring(eq + 1);
            String name = null;
            boolean isDefault = false;
            List<String> rest = new ArrayList<>();
            for (String kv : config.isEmpty() ? new String[0] : config.split(",")) {
                if (kv.equals("default")) {
                    isDefault = true;
                } else if (kv.startsWith("name=")) {
                    name = kv.substring(5);
                } else {
                    rest.add(kv);
                }
            }
            Source source = switch (type) {
                case "file" -> file(rest, cwd, line);
                case "env" -> env(rest, env, line);
                default -> throw new IllegalArgumentException("no secret source for type \"" + type
                        + "\" for configuration \"" + line + "\" (Weft has file and env)");
            };
            String key = name == null ? "" : name;
            if (result.containsKey(key)) {
                throw new IllegalArgumentException("secret source for name \"" + key
                        + "\" already registered before configuration \"" + line + "\"");
            }
            result.put(key, source);
            if (isDefault) {
                if (explicitDefault) {
                    throw new IllegalArgumentException("can't have two secret sources that are default ones, "
                            + "second one was \"" + config + "\"");
                }
                explicitDefault = true;
                result.put("default", source);
            }
        }
        if (result.size() == 1) {
            result.put("default", result.values().iterator().next());
        }
        return new SecretStore(Map.copyOf(result));
    }

    private static Source file(List<String> config, Path cwd, String line) {
        String filename = null;
        for (String kv : config) {
            int eq = kv.indexOf('=');
            if (eq < 0) {
                filename = kv;
            } else if (kv.substring(0, eq).equals("filename")) {
                filename = kv.substring(eq + 1);
            } else {
                throw new IllegalArgumentException("unknown configuration key for file secret source \""
                        + kv.substring(0, eq) + "\" in \"" + line + "\"");
            }
        }
        if (filename == null || filename.isEmpty()) {
            throw new IllegalArgumentException("file secret source needs a file: --secret-source=file=PATH");
        }
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String l : Files.readAllLines(cwd.resolve(filename))) {
                int eq = l.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("parsing \"" + l + "\", needs = (secret file " + filename + ")");
                }
                values.put(l.substring(0, eq), l.substring(eq + 1));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("can't read secret file " + filename + ": " + e.getMessage());
        }
        return new Source("file source from " + filename, values::get);
    }

    private static Source env(List<String> config, Map<String, String> env, String line) {
        String prefix = "";
        for (String kv : config) {
            if (kv.startsWith("prefix=")) {
                prefix = kv.substring(7);
            } else {
                throw new IllegalArgumentException("unknown configuration key for env secret source \"" + kv
                        + "\" in \"" + line + "\"");
            }
        }
        String p = prefix;
        return new Source("environment variables" + (p.isEmpty() ? "" : " with prefix " + p), k -> env.get(p + k));
    }

    /**
     * The secret {@code key} of source {@code sourceName}, remembered for redaction.
     *
     * @throws IllegalArgumentException with k6's message when there is no such source or key
     */
    public String get(String sourceName, String key) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no secret sources are configured");
        }
        Source source = sources.get(sourceName);
        if (source == null) {
            throw new IllegalArgumentException("no secret source with name \"" + sourceName + "\" is configured");
        }
        String cacheKey = sourceName + "\u0000" + key;
        String cached = cache.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        String value = source.lookup().apply(key);
        if (value == null) {
            throw new IllegalArgumentException("no value");
        }
        cache.put(cacheKey, value);
        if (!value.isEmpty() && !seen.contains(value)) {
            seen.add(value);
        }
        return value;
    }

    /** {@code text} with every secret read so far replaced by {@code ***SECRET_REDACTED***}. */
    public String redact(String text) {
        String out = text;
        for (String s : seen) {
            out = out.replace(s, REDACTED);
        }
        return out;
    }

    @Override
    public String apply(String text) {
        return redact(text);
    }
}
