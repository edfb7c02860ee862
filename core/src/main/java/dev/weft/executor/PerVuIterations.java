package dev.weft.executor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** k6's per-vu-iterations: each VU runs exactly the given number of iterations. */
public final class PerVuIterations implements Executor {
    public static final String TYPE = "per-vu-iterations";

    /** @param vus default 1; @param iterations default 1; @param maxDuration default 10m */
    public record Config(int vus, long iterations, Duration maxDuration) {
        public Config validate() {
            if (vus <= 0) {
                throw new InvalidSettingException("vus", "vus must be more than 0");
            }
            if (iterations <= 0) {
                throw new InvalidSettingException("iterations", "iterations must be more than 0");
            }
            return this;
        }
    }

    private final Scenario scenario;
    private final Config config;
    private final Instance instance;
    private final int vus;

    public PerVuIterations(Scenario scenario, Config config) {
        this(scenario, config, Instance.whole());
    }

    /** Runs this instance's share of the VUs, each doing all its iterations. */
    public PerVuIterations(Scenario scenario, Config config, Instance instance) {
        this.scenario = scenario;
        this.config = config.validate();
        this.instance = instance;
        this.vus = instance.tuple().scale(config.vus());
    }

    @Override
    public Scenario scenario() {
        return scenario;
    }

    @Override
    public int maxVus() {
        return vus;
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
        ScenarioIterations scenarioIteration = new ScenarioIterations(instance.tuple());
        AtomicLong attempted = new AtomicLong();
        long end = System.nanoTime() + config.maxDuration().toNanos();
        List<VuLoop> loops = VuLoop.startAll(state, instance.pauseGate(), vus, end, (vu, iter) -> {
            if (iter >= config.iterations()) {
                return false;
            }
            attempted.incrementAndGet();
            runner.run(vu, iter, scenarioIteration.next());
            return true;
        });
        GracefulStop.await(loops, state, end, scenario.gracefulStop());
        // k6 counts the iterations that maxDuration left unstarted as dropped
        if (!state.abortedByScript()) {
            runner.dropped((long) loops.size() * config.iterations() - attempted.get());
        }
    }

    @Override
    public String description() {
        return config.iterations() + " iterations for each of " + vus + " VUs"
                + Description.baseInfo(scenario, "maxDuration: " + Description.duration(config.maxDuration()));
    }
}
