package dev.weft.executor;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * k6's externally-controlled: {@code vus} VUs loop for {@code duration} (0: until stopped),
 * and the number can be changed while the test runs through the control API ({@code PATCH
 * /v1/status {"vus": n}}), or paused and resumed. VUs taken away stop at once, their
 * iteration interrupted, as k6 does. {@link #update} is called from the control server's
 * threads; {@link #run} on the scenario's thread.
 */
public final class ExternallyControlled implements Executor {
    public static final String TYPE = "externally-controlled";
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** @param vus default 0; @param maxVus default vus; @param duration required, 0 for no end */
    public record Config(int vus, int maxVus, Duration duration) {
        public Config validate() {
            if (vus < 0) {
                throw new InvalidSettingException("vus", "the number of VUs can't be negative");
            }
            if (maxVus < vus) {
                throw new InvalidSettingException("maxVUs", "the number of active VUs (" + vus
                        + ") must be less than or equal to the number of maxVUs (" + maxVus + ")");
            }
            if (duration == null || duration.isNegative()) {
                throw new InvalidSettingException("duration", "the duration can't be negative, for infinite duration use 0");
            }
            return this;
        }
    }

    private final Scenario scenario;
    private final Config config;
    private final Instance instance;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private Config current;

    public ExternallyControlled(Scenario scenario, Config config) {
        this(scenario, config, Instance.whole());
    }

    /** Runs this instance's share of the VUs, now and after each change. */
    public ExternallyControlled(Scenario scenario, Config config, Instance instance) {
        this.scenario = scenario;
        this.config = config.validate();
        this.instance = instance;
        this.current = config;
    }

    @Override
    public Scenario scenario() {
        return scenario;
    }

    @Override
    public int maxVus() {
        return instance.tuple().scale(config.maxVus());
    }

    /** The configured duration; {@link Duration#ZERO} means it runs until the test is stopped. */
    @Override
    public Duration maxDuration() {
        return config.duration();
    }

    public Config config() {
        return config;
    }

    /** The settings in force now (test-wide numbers, before the segment's scaling). */
    public Config currentConfig() {
        lock.lock();
        try {
            return current;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Changes the number of looping VUs and/or max VUs (null leaves one as is), before or while
     * the scenario runs. Throws {@link IllegalArgumentException} with k6's message when the
     * change is not allowed. Weft initialises every VU before the test starts, so maxVUs can't
     * grow past what the scenario declared (k6 would initialise more).
     */
    public Config update(Integer vus, Integer maxVus) {
        lock.lock();
        try {
            Config next = new Config(vus == null ? current.vus() : vus, maxVus == null ? current.maxVus() : maxVus,
                    current.duration());
            if (next.maxVus() < config.maxVus()) {
                throw new InvalidSettingException("maxVUs", "the new number of max VUs cannot be lower than the starting"
                        + " number of max VUs (" + config.maxVus() + ")");
            }
            if (next.maxVus() > config.maxVus()) {
                throw new InvalidSettingException("maxVUs", "the number of max VUs can't be raised above the scenario's maxVUs ("
                        + config.maxVus() + "): Weft initialises all VUs before the test starts");
            }
            current = next.validate();
            changed.signalAll();
            return current;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void run(ExecutionState state) throws InterruptedException {
        IterationRunner runner = new IterationRunner(scenario, state, this);
        ScenarioIterations scenarioIteration = new ScenarioIterations(instance.tuple());
        long start = System.nanoTime();
        long end = config.duration().isZero() ? Long.MAX_VALUE : start + config.duration().toNanos();
        VuLoop.Body body = VuLoop.until(end, (vu, iter) -> {
            runner.run(vu, iter, scenarioIteration.next());
            return true;
        });
        Deque<VuLoop> running = new ArrayDeque<>();
        List<VuLoop> stopped = new ArrayList<>();
        while (!state.stopping() && System.nanoTime() < end) {
            int target = instance.tuple().scale(currentConfig().vus());
            while (running.size() < target) {
                VuLoop loop = VuLoop.start(state, instance.pauseGate(), body);
                if (loop == null) {
                    break; // a VU taken away is still finishing; try again next tick
                }
                running.addLast(loop);
            }
            while (running.size() > target) {
                VuLoop loop = running.removeLast();
                loop.requestStop();
                loop.interrupt();
                stopped.add(loop);
            }
            stopped.removeIf(l -> l.done().isDone());
            awaitChange(Math.min(TICK_NANOS, end - System.nanoTime()));
        }
        stopped.addAll(running);
        GracefulStop.await(stopped, state, System.nanoTime(), Duration.ZERO);
    }

    private void awaitChange(long nanos) throws InterruptedException {
        if (nanos <= 0) {
            return;
        }
        lock.lock();
        try {
            changed.awaitNanos(nanos);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String description() {
        Config c = currentConfig();
        String duration = c.duration() == null || c.duration().isZero() ? "infinite" : Description.duration(c.duration());
        return "Externally controlled execution with " + c.vus() + " VUs, " + c.maxVus() + " max VUs, " + duration
                + " duration";
    }
}
