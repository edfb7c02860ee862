package dev.weft.executor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** k6's per-vu-iterations: each VU runs exactly the given number of iterations. */
public final class PerVuIterations implements Executor {
    public static final String TYPE = "per-vu-iterations";

    /** @param vus default 1; @param iterations default 1; @param maxDuration default 10m */
    public record Config(int vus, long iterations, Duration maxDuration) {
        public Config validate() {
            if (vus <= 0 || iterations <= 0) {
                throw new IllegalArgumentException("per-vu-iterations: vus and iterations must be more than 0");
            }
            return this;
        }
    }

    private final Scenario scenario;
    private final Config config;

    public PerVuIterations(Scenario scenario, Config config) {
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
        return config.maxDuration();
    }

    public Config config() {
        return config;
    }

    @Override
    public void run(ExecutionState state) throws InterruptedException {
        IterationRunner runner = new IterationRunner(scenario, state);
        AtomicLong scenarioIteration = new AtomicLong();
        long end = System.nanoTime() + config.maxDuration().toNanos();
        List<VuLoop> loops = new ArrayList<>();
        for (int i = 0; i < config.vus(); i++) {
            VuLoop loop = VuLoop.start(state, VuLoop.until(end, () -> true, (vu, iter) -> {
                if (iter >= config.iterations()) {
                    return false;
                }
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
