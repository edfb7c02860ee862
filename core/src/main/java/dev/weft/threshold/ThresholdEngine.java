package dev.weft.threshold;

import dev.weft.metrics.Metric;
import dev.weft.metrics.MetricAggregates;
import dev.weft.metrics.MetricRegistry;
import dev.weft.metrics.MetricSink;
import dev.weft.metrics.MetricType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Checks the test's thresholds against the metric aggregates (k6's threshold half of the
 * metrics engine).
 *
 * <p>Built once by the CLI after the script's init code has declared its custom metrics:
 * {@link #create} validates every key and expression, declares the sub-metrics in
 * {@link MetricAggregates} (so matching samples get their own aggregate from then on) and marks
 * them for the summary. During the run a timer (k6: every 2 s) or the pipeline's after-flush
 * hook calls {@link #evaluate(Duration)}; at the end the CLI calls
 * {@link #evaluateFinal(Duration)} after closing the pipeline. Thread-safe.
 */
public final class ThresholdEngine {
    private static final Map<MetricType, Set<String>> SUPPORTED = Map.of(
            MetricType.COUNTER, Set.of("count", "rate"),
            MetricType.GAUGE, Set.of("value"),
            MetricType.RATE, Set.of("rate"),
            MetricType.TREND, Set.of("avg", "min", "max", "med", "p"));

    private final List<MetricThresholds> definitions;
    private final MetricAggregates aggregates;
    private final Map<String, boolean[]> lastFailed = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private boolean abort;

    private ThresholdEngine(List<MetricThresholds> definitions, MetricAggregates aggregates) {
        this.definitions = List.copyOf(definitions);
        this.aggregates = aggregates;
        for (MetricThresholds mt : definitions) {
            lastFailed.put(mt.key(), new boolean[mt.thresholds().size()]);
        }
    }

    /**
     * Validates the thresholds and wires their sub-metrics into {@code aggregates}.
     *
     * @throws ThresholdException for an unknown metric, a malformed sub-metric key or an
     *                            aggregation the metric's type does not support
     */
    public static ThresholdEngine create(List<MetricThresholds> definitions, MetricRegistry registry,
            MetricAggregates aggregates) {
        for (MetricThresholds mt : definitions) {
            Metric metric = registry.get(mt.metricName()).orElseThrow(() -> new ThresholdException(
                    "invalid threshold " + sources(mt) + " defined on " + mt.key() + ": no metric name \""
                            + mt.metricName() + "\" found (custom metrics must be declared in init code)"));
            for (Threshold t : mt.thresholds()) {
                String agg = t.expression().aggregation();
                if (!SUPPORTED.get(metric.type()).contains(agg)) {
                    throw new ThresholdException("invalid threshold \"" + t.source() + "\" applied on metric "
                            + mt.key() + ": unsupported aggregation method " + agg + " on metric of type "
                            + metric.type().k6Name() + "; supported aggregation methods for this metric are: "
                            + String.join(", ", supportedList(metric.type())));
                }
            }
            if (mt.key().equals(mt.metricName())) {
                aggregates.markObserved(metric);
            } else {
                aggregates.addSubmetric(metric, submetricSuffix(mt));
                aggregates.markObserved(mt.key());
            }
        }
        return new ThresholdEngine(definitions, aggregates);
    }

    private static List<String> supportedList(MetricType type) {
        return switch (type) {
            case COUNTER -> List.of("count", "rate");
            case GAUGE -> List.of("value");
            case RATE -> List.of("rate");
            case TREND -> List.of("avg", "min", "max", "med", "p(N)");
        };
    }

    private static String sources(MetricThresholds mt) {
        return mt.thresholds().stream().map(t -> "\"" + t.source() + "\"").toList().toString();
    }

    /** Checks a key such as {@code name{a:b,c:d}} the way k6 does and returns {@code a:b,c:d}. */
    private static String submetricSuffix(MetricThresholds mt) {
        String key = mt.key();
        int open = key.indexOf('{');
        int close = key.lastIndexOf('}');
        String problem = null;
        if (open < 0 || close < 0) {
            problem = "unmatched opening/closing curly brace";
        } else if (close < open) {
            problem = "closing curly brace appears before opening one";
        } else if (close != key.length() - 1) {
            problem = "lacks a closing curly brace in its last position";
        } else {
            for (String tag : key.substring(open + 1, close).split(",", -1)) {
                int colon = tag.indexOf(':');
                if (colon < 0 || colon == tag.length() - 1) {
                    problem = "tag expression \"" + tag + "\" is malformed, expected key:value";
                    break;
                }
            }
        }
        if (problem != null) {
            throw new ThresholdException("invalid threshold " + sources(mt) + " on metric '" + key
                    + "': parsing metric name failed, " + problem);
        }
        return key.substring(open + 1, close);
    }

    /** Evaluates during the run; metrics without samples yet are skipped, as in k6. */
    public ThresholdResult evaluate(Duration elapsed) {
        return run(elapsed, true);
    }

    /** Evaluates at the end of the test, including metrics that never had a sample. */
    public ThresholdResult evaluateFinal(Duration elapsed) {
        return run(elapsed, false);
    }

    private ThresholdResult run(Duration elapsed, boolean ignoreEmpty) {
        lock.lock();
        try {
            List<ThresholdResult.Failure> failed = new ArrayList<>();
            aggregates.read(() -> {
                for (MetricThresholds mt : definitions) {
                    MetricSink sink = aggregates.get(mt.key()).map(MetricAggregates.Entry::sink).orElse(null);
                    if (sink == null || (ignoreEmpty && sink.isEmpty())) {
                        continue;
                    }
                    checkOne(mt, sink, elapsed, failed);
                }
                return null;
            });
            return new ThresholdResult(failed, abort);
        } finally {
            lock.unlock();
        }
    }

    private void checkOne(MetricThresholds mt, MetricSink sink, Duration elapsed,
            List<ThresholdResult.Failure> failed) {
        boolean[] state = lastFailed.get(mt.key());
        for (int i = 0; i < mt.thresholds().size(); i++) {
            Threshold t = mt.thresholds().get(i);
            double lhs = sink.stat(t.expression().statName(), elapsed);
            // k6: a value the sink does not have yet (e.g. rate of no samples) passes.
            boolean passes = Double.isNaN(lhs) || t.expression().operator().test(lhs, t.expression().value());
            state[i] = !passes;
            if (passes) {
                continue;
            }
            failed.add(new ThresholdResult.Failure(mt.key(), t.source()));
            if (t.abortOnFail() && (t.delayAbortEval() == null || t.delayAbortEval().compareTo(elapsed) < 0)) {
                abort = true;
            }
        }
    }

    /** The parsed definitions, in configuration order. */
    public List<MetricThresholds> definitions() {
        return definitions;
    }

    /** Expressions per key as written, e.g. for {@code OutputParams.thresholds}. */
    public Map<String, List<String>> sourcesByKey() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (MetricThresholds mt : definitions) {
            out.put(mt.key(), mt.thresholds().stream().map(Threshold::source).toList());
        }
        return out;
    }

    /**
     * Whether each threshold passed at its last evaluation (true before any), per key then
     * expression: handleSummary's {@code thresholds: {expr: {ok}}}.
     */
    public Map<String, Map<String, Boolean>> okByKey() {
        lock.lock();
        try {
            Map<String, Map<String, Boolean>> out = new LinkedHashMap<>();
            for (MetricThresholds mt : definitions) {
                Map<String, Boolean> m = new LinkedHashMap<>();
                boolean[] state = lastFailed.get(mt.key());
                for (int i = 0; i < state.length; i++) {
                    m.put(mt.thresholds().get(i).source(), !state[i]);
                }
                out.put(mt.key(), m);
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** Whether any threshold is configured at all. */
    public boolean isEmpty() {
        return definitions.isEmpty();
    }
}
