package dev.weft.executor;

import dev.weft.metrics.Metric;
import dev.weft.metrics.Sample;
import dev.weft.metrics.SampleSink;
import dev.weft.metrics.Tags;
import dev.weft.vu.FakeVuFactory;
import dev.weft.vu.RecordingVus;
import dev.weft.vu.VuPool;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A VU pool of fake VUs, a recording sink and an execution state, for one executor test. */
final class ExecutorHarness implements AutoCloseable {
    final FakeVuFactory factory = new FakeVuFactory();
    final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    final SampleSink sink = samples::add;
    private VuPool pool;
    private ExecutionState state;

    ExecutorHarness vus(int count) throws Exception {
        pool = VuPool.initialise(count, factory);
        state = new ExecutionState(pool, sink, Clock.systemUTC(), Tags.of("testid", "t1"), "{\"token\":42}");
        return this;
    }

    ExecutorHarness iterationTime(Duration d) {
        factory.iterationTime(d);
        return this;
    }

    ExecutionState state() {
        return state;
    }

    RecordingVus recording() {
        return factory.recording();
    }

    /** Runs the executor on a virtual thread, as TestRun does, and waits for it (at most 20 s). */
    Duration run(Executor executor) throws InterruptedException {
        long t0 = System.nanoTime();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                executor.run(state);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (!t.join(Duration.ofSeconds(20))) {
            throw new AssertionError("executor did not end within 20 s");
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    double sum(Metric metric) {
        return samples.stream().filter(s -> s.metric().equals(metric)).mapToDouble(Sample::value).sum();
    }

    List<Sample> samplesOf(Metric metric) {
        return samples.stream().filter(s -> s.metric().equals(metric)).toList();
    }

    static Scenario scenario(String type, Duration gracefulStop) {
        return new Scenario("s1", type, "default", Duration.ZERO, gracefulStop, Map.of(), Tags.of("team", "a"));
    }

    static Scenario scenario(String type) {
        return scenario(type, Scenario.DEFAULT_GRACEFUL_STOP);
    }

    static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
