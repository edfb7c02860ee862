package dev.weft.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every metric a test knows: k6's built-ins plus the custom metrics scripts declare. One
 * registry is built at start-up and passed to the JS layer, the threshold parser and the
 * summary; there is no static instance.
 *
 * <p>Thread-safe: VU threads register custom metrics from init code concurrently (every VU
 * runs the init code, so the same declaration arrives once per VU and must be idempotent).
 */
public final class MetricRegistry {
    /** k6's rule for custom metric names (letters, digits and a few punctuation marks, 1-128). */
    public static final Pattern NAME_PATTERN = Pattern.compile("^[\\p{L}\\p{N}\\._ !\\?/&#\\(\\)<>%-]{1,128}$");

    private final Map<String, Metric> metrics = new ConcurrentHashMap<>();

    private MetricRegistry() {
    }

    /** A registry holding only k6's built-in metrics. */
    public static MetricRegistry withBuiltins() {
        MetricRegistry registry = new MetricRegistry();
        for (Metric m : BuiltinMetrics.ALL) {
            registry.metrics.put(m.name(), m);
        }
        return registry;
    }

    /** An empty registry, for tests and tools that declare everything themselves. */
    public static MetricRegistry empty() {
        return new MetricRegistry();
    }

    /**
     * Declares a metric, or returns the existing one when the same name was declared before
     * with the same type and value type (what {@code new Trend('x')} does in every VU).
     *
     * @throws IllegalArgumentException when the name breaks k6's naming rule, or the name is
     *                                  already taken with another type or value type
     */
    public Metric register(String name, MetricType type, ValueType valueType) {
        if (name == null || !NAME_PATTERN.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid metric name: '" + name + "'. Metric names must be 1 to 128"
                    + " characters long and contain only letters, numbers and the characters ._ !?/&#()<>%-");
        }
        Metric wanted = new Metric(name, type, valueType);
        Metric existing = metrics.putIfAbsent(name, wanted);
        if (existing == null || existing.equals(wanted)) {
            return existing == null ? wanted : existing;
        }
        if (existing.type() != type) {
            throw new IllegalArgumentException("metric '" + name + "' already exists but with type "
                    + existing.type().k6Name() + ", instead of " + type.k6Name());
        }
        throw new IllegalArgumentException("metric '" + name + "' already exists but with a value type "
                + existing.valueType().k6Name() + ", instead of " + valueType.k6Name());
    }

    public Optional<Metric> get(String name) {
        return Optional.ofNullable(metrics.get(name));
    }

    /** A snapshot of every metric, in no particular order. */
    public Collection<Metric> all() {
        return List.copyOf(new ArrayList<>(metrics.values()));
    }
}
