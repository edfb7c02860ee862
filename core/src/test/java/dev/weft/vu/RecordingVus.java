package dev.weft.vu;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * What a test's {@link FakeVu}s did: every iteration started, by which VU, on which thread,
 * how many ran at once, and a shared event log (tests add their own events, such as "setup").
 * Thread-safe; written by VU threads, read by the test.
 */
public final class RecordingVus {
    /** One iteration as it began. */
    public record Start(int vuId, String thread, long nanoTime, int concurrent, IterationContext context) {
    }

    private final List<Start> starts = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<IterationOutcome> outcomes = new CopyOnWriteArrayList<>();
    private final Map<Integer, AtomicLong> perVu = new ConcurrentHashMap<>();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();

    int began(int vuId, IterationContext context) {
        int now = concurrent.incrementAndGet();
        maxConcurrent.accumulateAndGet(now, Math::max);
        starts.add(new Start(vuId, Thread.currentThread().getName(), System.nanoTime(), now, context));
        perVu.computeIfAbsent(vuId, k -> new AtomicLong()).incrementAndGet();
        events.add("iteration");
        return now;
    }

    void ended(IterationOutcome outcome) {
        outcomes.add(outcome);
        concurrent.decrementAndGet();
    }

    void closed() {
        closed.incrementAndGet();
    }

    public void event(String name) {
        events.add(name);
    }

    public List<String> events() {
        return List.copyOf(events);
    }

    public List<Start> starts() {
        return List.copyOf(starts);
    }

    public int iterations() {
        return starts.size();
    }

    public long count(IterationOutcome outcome) {
        return outcomes.stream().filter(o -> o == outcome).count();
    }

    public Map<Integer, Long> iterationsPerVu() {
        return perVu.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
    }

    public int maxConcurrent() {
        return maxConcurrent.get();
    }

    public int concurrentNow() {
        return concurrent.get();
    }

    public int closedVus() {
        return closed.get();
    }

    /** The test-wide iteration numbers the executor handed out ({@code scenarioIteration}). */
    public List<Long> scenarioIterations() {
        return starts.stream().map(s -> s.context().scenarioIteration()).sorted().toList();
    }
}
