package dev.weft.executor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** k6's constant-vus: a fixed number of VUs loop for a fixed duration. */
public final class ConstantVus implements Executor {
    public static final String TYPE = "constant-vus";

    /** @param vus default 1; @param duration required */
    public record Config(int vus, Duration duration) {
        public Config validate() {
            if (vus <= 0) {
                throw new IllegalArgumentException("constant-vus: vus must be more than 0");
            }
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("constant-vus: duration must be more than 0");
            }
            return this;
        }
    }

    private final Scenario scenario;
    private final Config config;

    public ConstantVus(Scenario scenario, Config config) {
        this.scenario = scenario;
        this.config = config.validate();
    }

    @Override
    public Scenario scenario() {
        return scenario;
    }

    @Override
    public int maxVus() {
        return config.vus();
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
        IterationRunner runner = new IterationRunner(scenario, state);
        AtomicLong scenarioIteration = new AtomicLong();
        long end = System.nanoTime() + config.duration().toNanos();
        List<VuLoop> loops = new ArrayList<>();
        for (int i = 0; i < config.vus(); i++) {
            VuLoop loop = VuLoop.start(state, VuLoop.until(end, () -> true, (vu, iter) -> {
                runner.run(vu, iter, scenarioIteration.getAndIncrement());
                return true;
            }));
            if (loop != null) {
                loops.add(loop);
            }
        }
        GracefulStop.await(loops, state, end, scenario.gracefulStop());
    }
}
