package dev.weft.summary;

import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Sample;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * What k6 v1's summary shows beyond the run's metric aggregates: the run's checks by name in
 * first-seen order (every mode) and, in {@code full} mode, separate aggregates per scenario
 * (other than {@code default}) and per group, each group below its scenario, as k6's summary
 * output collects them. A sample counts in its scenario and in its own group only (not in the
 * enclosing groups); setup and teardown samples count in no group.
 *
 * <p>Registered as a pipeline ingester: {@link #ingest(List)} runs on the pipeline's consumer
 * thread; readers go through {@link #read(Supplier)}.
 */
public final class ScopedResults {
    private final ReentrantLock lock = new ReentrantLock();
    private final boolean perScope;
    private final Map<String, long[]> rootChecks = new LinkedHashMap<>();
    private final ScopeAggregate defaultScenario = new ScopeAggregate();
    private final Map<String, ScopeAggregate> scenarios = new LinkedHashMap<>();

    /** @param perScope whether to aggregate per scenario and group ({@code full} mode) */
    public ScopedResults(boolean perScope) {
        this.perScope = perScope;
    }

    public void ingest(List<Sample> batch) {
        lock.lock();
        try {
            for (Sample s : batch) {
                if (s.metric().name().equals(BuiltinMetrics.CHECKS.name())) {
                    ScopeAggregate.countCheck(rootChecks, s);
                }
                if (perScope) {
                    addToScopes(s);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void addToScopes(Sample s) {
        ScopeAggregate scope = defaultScenario;
        String scenario = s.tags().get("scenario");
        if (scenario != null && !scenario.equals("default")) {
            scope = scenarios.computeIfAbsent(scenario, n -> new ScopeAggregate());
            scope.add(s);
        }
        String group = s.tags().get("group");
        if (group == null || group.isEmpty()) {
            return;
        }
        String path = group.startsWith(GroupTree.SEPARATOR) ? group.substring(GroupTree.SEPARATOR.length()) : group;
        if (path.equals("setup") || path.equals("teardown")) {
            return;
        }
        for (String name : path.split(GroupTree.SEPARATOR, -1)) {
            scope = scope.group(name);
        }
        scope.add(s);
    }

    /** Runs {@code reader} while no batch is being applied. */
    public <T> T read(Supplier<T> reader) {
        lock.lock();
        try {
            return reader.get();
        } finally {
            lock.unlock();
        }
    }

    /** Check name to {@code {passes, fails}} over the whole run; read inside {@link #read}. */
    Map<String, long[]> rootChecks() {
        return rootChecks;
    }

    /** Groups of the default scenario (full mode); read inside {@link #read}. */
    Map<String, ScopeAggregate> topGroups() {
        return defaultScenario.groups();
    }

    /** Named scenarios in first-seen order (full mode); read inside {@link #read}. */
    Map<String, ScopeAggregate> scenarios() {
        return scenarios;
    }
}
