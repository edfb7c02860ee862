package dev.weft.executor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** k6's shared-iterations: VUs share a fixed number of iterations, each taking the next one free. */
public final class SharedIterations implements Executor {
    public static final String TYPE = "shared-iterations";
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(10);

    /** @param vus default 1; @param iterations default 1; @param maxDuration default 10m */
    public record Config(int vus, long iterations, Duration maxDuration) {
        public Config validate() {
            if (vus <= 0) {
                throw new InvalidSettingException("vus", "vus must be more than 0");
            }
            if (iterations < vus) {
                throw new InvalidSettingException("iterations", "the number of iterations (" + iterations
                        + ") can't be less than the number of VUs (" + vus + ")");
            }
            return this;
        }
    }

    private final Scenario scenario;
    private final Config config;
    private final Instance instance;
    private final int vus;
    private final long iterations;
    private final dev.weft.segment.ExecutionTuple iterationTuple;

    public SharedIterations(Scenario scenario, Config config) {
        this(scenario, config, Instance.whole());
    }

    /**
     * Runs this instance's share of the VUs and of the iterations; as in k6, iterations are
     * dealt out following the VUs' shares, so an instance without VUs gets no iterations.
     */
    public SharedIterations(Scenario scenario, Config config, Instance instance) {
        this.scenario = scenario;
        this.config = config.validate();
        this.instance = instance;
        this.vus = instance.tuple().scale(config.vus());
        this.iterationTuple = vus == 0 ? null : instance.tuple().forValue(config.vus());
        this.iterations = vus == 0 ? 0 : iterationTuple.scale(config.iterations());
    }

    @Override
    public Scenario scenario() {
        return scenario;
    }

    @Override
    public int maxVus() {
        return vus;
    }

    /** This instance's share of the iterations. */
    public long iterations() {
        return iterations;
    }

    @Override
    public Duration maxDuration() {
        return config.maxDuration();
    }

    public Config config() {
        return config;
    }

    @Override
    public void run(ExecutionState state) throws InterruptedException {
        IterationRunner runner = new IterationRunner(scenario, state, this);
        if (vus == 0) {
            return;
        }
        AtomicLong attempted = new AtomicLong();
        ScenarioIterations scenarioIteration = new ScenarioIterations(iterationTuple);
        long end = System.nanoTime() + config.maxDuration().toNanos();
        List<VuLoop> loops = VuLoop.startAll(state, instance.pauseGate(), vus, end, (vu, iter) -> {
            if (attempted.incrementAndGet() > iterations) {
                return false;
            }
            runner.run(vu, iter, scenarioIteration.next());
            return true;
        });
        GracefulStop.await(loops, state, end, scenario.gracefulStop());
        // k6 counts the iterations that maxDuration left unstarted as dropped (not those test.abort() cut off)
        if (!state.abortedByScript()) {
            runner.dropped(iterations - Math.min(attempted.get(), iterations));
        }
    }

    @Override
    public String description() {
        return iterations + " iterations shared among " + vus + " VUs"
                + Description.baseInfo(scenario, "maxDuration: " + Description.duration(config.maxDuration()));
    }
}
