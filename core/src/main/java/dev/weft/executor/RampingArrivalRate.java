package dev.weft.executor;

import java.time.Duration;
import java.util.function.LongConsumer;
import java.util.List;

/**
 * k6's ramping-arrival-rate: the start rate follows the stages, changing linearly within
 * each, from {@code startRate} per {@code timeUnit}; iterations start on schedule whether or
 * not earlier ones finished (open model), on VUs taken as needed from {@code preAllocatedVUs}
 * up to {@code maxVUs}; starts that find no VU are counted in {@code dropped_iterations}.
 */
public final class RampingArrivalRate implements Executor {
    public static final String TYPE = "ramping-arrival-rate";

    /**
     * @param startRate       iterations per time unit at the start, default 0
     * @param timeUnit        default 1s
     * @param stages          rate targets, at least one
     * @param preAllocatedVus required
     * @param maxVus          default preAllocatedVUs
     */
    public record Config(long startRate, Duration timeUnit, List<Stage> stages, int preAllocatedVus, int maxVus) {
        public Config {
            stages = stages == null ? List.of() : List.copyOf(stages);
        }

        public Config validate() {
            if (startRate < 0) {
                throw new InvalidSettingException("startRate", "the startRate value can't be negative");
            }
            if (timeUnit == null || timeUnit.isNegative() || timeUnit.isZero()) {
                throw new InvalidSettingException("timeUnit", "the timeUnit must be more than 0");
            }
            if (stages.isEmpty()) {
                throw new InvalidSettingException("stages", "at least one stage has to be specified");
            }
            if (preAllocatedVus < 0) {
                throw new InvalidSettingException("preAllocatedVUs", "the number of preAllocatedVUs can't be negative");
            }
            if (maxVus < preAllocatedVus) {
                throw new InvalidSettingException("maxVUs", "maxVUs can't be less than preAllocatedVUs");
            }
            return this;
        }

        public Duration totalDuration() {
            return stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
        }
    }

    private final Scenario scenario;
    private final Config config;
    private final ArrivalRateShare share;

    public RampingArrivalRate(Scenario scenario, Config config) {
        this(scenario, config, Instance.whole());
    }

    /** Runs this instance's share of the scenario (see {@link ArrivalRateShare}). */
    public RampingArrivalRate(Scenario scenario, Config config, Instance instance) {
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
        return config.totalDuration();
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
        share.run(this, state, offsets -> new RampingRateSchedule(config.startRate(), config.timeUnit().toNanos(),
                config.stages(), offsets), config.totalDuration());
    }

    @Override
    public String description() {
        long maxRate = config.startRate();
        for (Stage s : config.stages()) {
            maxRate = Math.max(maxRate, s.target());
        }
        double ratio = config.maxVus() == 0 ? 0 : (double) share.maxVus() / config.maxVus();
        return "Up to " + Description.perSecond(maxRate * ratio, config.timeUnit()) + " iterations/s for "
                + Description.duration(Description.total(config.stages())) + " over " + config.stages().size()
                + " stages" + Description.baseInfo(scenario, Description.maxVus(share.preAllocatedVus(), share.maxVus()));
    }
}
