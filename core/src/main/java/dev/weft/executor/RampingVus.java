package dev.weft.executor;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * k6's ramping-vus: the number of looping VUs follows the stages, changing linearly within each.
 * VUs ramped down finish their iteration within {@code gracefulRampDown}, then are interrupted.
 */
public final class RampingVus implements Executor {
    public static final String TYPE = "ramping-vus";
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    /** @param startVus default 1; @param gracefulRampDown default 30s */
    public record Config(int startVus, List<Stage> stages, Duration gracefulRampDown) {
        public Config validate() {
            if (startVus < 0) {
                throw new InvalidSettingException("startVUs", "startVUs can't be negative");
            }
            if (stages == null || stages.isEmpty()) {
                throw new InvalidSettingException("stages", "at least one stage is needed");
            }
            return this;
        }

        public Duration totalDuration() {
            return stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
        }

        /** The most VUs the stages ever ask for. */
        public int maxVus() {
            long max = startVus;
            for (Stage s : stages) {
                max = Math.max(max, s.target());
            }
            return (int) max;
        }

        /** How many VUs should run {@code elapsed} after the start (linear within a stage). */
        public long vusAt(Duration elapsed) {
            long from = startVus;
            long t = elapsed.toNanos();
            for (Stage s : stages) {
                long d = s.duration().toNanos();
                if (t < d) {
                    return from + (long) Math.floor((double) (s.target() - from) * t / d);
                }
                t -= d;
                from = s.target();
            }
            return from;
        }
    }

    private final Scenario scenario;
    private final Config config;
    private final Instance instance;

    public RampingVus(Scenario scenario, Config config) {
        this(scenario, config, Instance.whole());
    }

    /** Follows this instance's share of the stages' VU counts (each count scaled by the segment). */
    public RampingVus(Scenario scenario, Config config, Instance instance) {
        this.scenario = scenario;
        this.config = config.validate();
        this.instance = instance;
    }

    @Override
    public Scenario scenario() {
        return scenario;
    }

    @Override
    public int maxVus() {
        return instance.tuple().scale(config.maxVus());
    }

    @Override
    public Duration maxDuration() {
        return config.totalDuration();
    }

    public Config config() {
        return config;
    }

    @Override
    public void run(ExecutionState state) throws InterruptedException {
        IterationRunner runner = new IterationRunner(scenario, state, this);
        ScenarioIterations scenarioIteration = new ScenarioIterations(instance.tuple());
        long start = System.nanoTime();
        long end = start + config.totalDuration().toNanos();
        VuLoop.Body body = VuLoop.until(end, (vu, iter) -> {
            runner.run(vu, iter, scenarioIteration.next());
            return true;
        });
        Deque<VuLoop> running = new ArrayDeque<>();
        List<VuLoop> all = new ArrayList<>();
        List<long[]> rampDownDeadlines = new ArrayList<>();
        List<VuLoop> rampedDown = new ArrayList<>();
        while (!state.stopping()) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            long target = instance.tuple().scale(config.vusAt(Duration.ofNanos(now - start)));
            while (running.size() < target) {
                VuLoop loop = VuLoop.start(state, instance.pauseGate(), body);
                if (loop == null) {
                    break;
                }
                running.addLast(loop);
                all.add(loop);
            }
            while (running.size() > target) {
                VuLoop loop = running.removeLast();
                loop.requestStop();
                rampedDown.add(loop);
                rampDownDeadlines.add(new long[] {now + config.gracefulRampDown().toNanos()});
            }
            for (int i = 0; i < rampedDown.size(); i++) {
                if (now >= rampDownDeadlines.get(i)[0]) {
                    rampedDown.get(i).interrupt();
                }
            }
            Thread.sleep(Duration.ofNanos(Math.min(TICK_NANOS, end - now)));
        }
        GracefulStop.await(all, state, Math.min(end, System.nanoTime()), scenario.gracefulStop());
    }

    @Override
    public String description() {
        return "Up to " + maxVus() + " looping VUs for " + Description.duration(config.totalDuration()) + " over "
                + config.stages().size() + " stages"
                + Description.baseInfo(scenario, "gracefulRampDown: " + Description.duration(config.gracefulRampDown()));
    }
}
