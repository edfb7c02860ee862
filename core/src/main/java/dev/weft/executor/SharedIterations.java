package dev.weft.executor;

import java.time.Duration;
import java.util.ArrayList;
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
                throw new IllegalArgumentException("shared-iterations: vus must be more than 0");
            }
            if (iterations < vus) {
                throw new IllegalArgumentException("shared-iterations: the number of iterations (" + iterations
                        + ") can't be less than the number of VUs (" + vus + ")");
            }
            return this;
        }
    }

    private final Scenario scenario;
    private final Config config;

    public SharedIterations(Scenario scenario, Config config) {
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
        AtomicLong next = new AtomicLong();
        long end = System.nanoTime() + config.maxDuration().toNanos();
        List<VuLoop> loops = new ArrayList<>();
        for (int i = 0; i < config.vus(); i++) {
            VuLoop loop = VuLoop.start(state, VuLoop.until(end, () -> true, (vu, iter) -> {
                long mine = next.getAndIncrement();
                if (mine >= config.iterations()) {
                    return false;
                }
                runner.run(vu, iter, mine);
                return true;
            }));
            if (loop != null) {
                loops.add(loop);
            }
        }
        GracefulStop.await(loops, state, end, scenario.gracefulStop());
    }
}
