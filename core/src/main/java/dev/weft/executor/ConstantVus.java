package dev.weft.executor;

import java.time.Duration;
import java.util.List;

/** k6's constant-vus: a fixed number of VUs loop for a fixed duration. */
public final class ConstantVus implements Executor {
    public static final String TYPE = "constant-vus";

    /** @param vus default 1; @param duration required */
    public record Config(int vus, Duration duration) {
        public Config validate() {
            if (vus <= 0) {
                throw new InvalidSettingException("vus", "vus must be more than 0");
            }
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new InvalidSettingException("duration", "duration must be more than 0");
            }
            return this;
        }
    }

    private final Scenario scenario;
    private final Config config;
    private final Instance instance;
    private final int vus;

    public ConstantVus(Scenario scenario, Config config) {
        this(scenario, config, Instance.whole());
    }

    /** Runs this instance's share of the VUs ({@code vus} scaled by the execution segment). */
    public ConstantVus(Scenario scenario, Config config, Instance instance) {
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
        return config.duration();
    }

    public Config config() {
        return config;
    }

    @Override
    public void run(ExecutionState state) throws InterruptedException {
        IterationRunner runner = new IterationRunner(scenario, state, this);
        ScenarioIterations scenarioIteration = new ScenarioIterations(instance.tuple());
        long end = System.nanoTime() + config.duration().toNanos();
        List<VuLoop> loops = VuLoop.startAll(state, instance.pauseGate(), vus, end, (vu, iter) -> {
            runner.run(vu, iter, scenarioIteration.next());
            return true;
        });
        GracefulStop.await(loops, state, end, scenario.gracefulStop());
    }

    @Override
    public String description() {
        return vus + " looping VUs for " + Description.duration(config.duration()) + Description.baseInfo(scenario);
    }
}
