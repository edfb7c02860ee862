package dev.weft.executor;

import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * k6's constant-arrival-rate: starts {@code rate} iterations every {@code timeUnit} for
 * {@code duration}, whether or not earlier ones finished (open model), on VUs taken as
 * needed from {@code preAllocatedVUs} up to {@code maxVUs}; starts that find no VU are
 * counted in {@code dropped_iterations}.
 */
public final class ConstantArrivalRate implements Executor {
    public static final String TYPE = "constant-arrival-rate";
    public static final Duration DEFAULT_TIME_UNIT = Duration.ofSeconds(1);

    /**
     * @param rate            iterations per time unit, required
     * @param timeUnit        default 1s
     * @param duration        required
     * @param preAllocatedVus required
     * @param maxVus          default preAllocatedVUs
     */
    public record Config(long rate, Duration timeUnit, Duration duration, int preAllocatedVus, int maxVus) {
        public Config validate() {
            if (rate <= 0) {
                throw new InvalidSettingException("rate", "the iteration rate must be more than 0");
            }
            if (timeUnit == null || timeUnit.isNegative() || timeUnit.isZero()) {
                throw new InvalidSettingException("timeUnit", "the timeUnit must be more than 0");
            }
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new InvalidSettingException("duration", "the duration must be more than 0");
            }
            if (preAllocatedVus < 0) {
                throw new InvalidSettingException("preAllocatedVUs", "the number of preAllocatedVUs can't be negative");
            }
            if (maxVus < preAllocatedVus) {
                throw new InvalidSettingException("maxVUs", "maxVUs can't be less than preAllocatedVUs");
            }
            return this;
        }
    }

    private final Scenario scenario;
    private final Config config;
    private final ArrivalRateShare share;

    public ConstantArrivalRate(Scenario scenario, Config config) {
        this(scenario, config, Instance.whole());
    }

    /** Runs this instance's share of the scenario (see {@link ArrivalRateShare}). */
    public ConstantArrivalRate(Scenario scenario, Config config, Instance instance) {
        this.scenario = scenario;
        this.config = config.validate();
        this.share = new ArrivalRateShare(instance, config.preAllocatedVus(), config.maxVus());
    }

    @Override
    public Scenario scenario() {
        return scenario;
    }

    @Override
    public int maxVus() {
        return share.maxVus();
    }

    @Override
    public Duration maxDuration() {
        return config.duration();
    }

    public Config config() {
        return config;
    }

    /**
     * For benchmarks and diagnostics: {@code listener} gets, on the VU's thread, how late each
     * iteration began against its scheduled start, in nanoseconds. Set before {@link #run}.
     */
    public void onStartLag(LongConsumer listener) {
        share.onStartLag(listener);
    }

    @Override
    public void run(ExecutionState state) throws InterruptedException {
        share.run(this, state, offsets -> new ConstantRateSchedule(config.rate(), config.timeUnit().toNanos(), offsets), config.duration());
    }

    @Override
    public String description() {
        double ratio = config.maxVus() == 0 ? 0 : (double) share.maxVus() / config.maxVus();
        return Description.perSecond(config.rate() * ratio, config.timeUnit()) + " iterations/s for "
                + Description.duration(config.duration())
                + Description.baseInfo(scenario, Description.maxVus(share.preAllocatedVus(), share.maxVus()));
    }
}
