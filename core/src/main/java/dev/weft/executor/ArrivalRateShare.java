package dev.weft.executor;

import dev.weft.segment.ExecutionTuple;
import dev.weft.segment.StripedSequence;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * What the two arrival-rate executors share: this instance's share of their VUs, the optional
 * start-lag listener, and starting an {@link ArrivalRateRun} over a schedule. Built once per
 * executor; {@link #run} is called on the scenario's thread.
 */
final class ArrivalRateShare {
    private final Instance instance;
    private final int configMaxVus;
    private final int preAllocatedVus;
    private final int maxVus;
    private volatile LongConsumer startLag;

    ArrivalRateShare(Instance instance, int preAllocatedVus, int maxVus) {
        this.instance = instance;
        this.configMaxVus = maxVus;
        this.preAllocatedVus = instance.tuple().scale(preAllocatedVus);
        this.maxVus = instance.tuple().scale(maxVus);
    }

    int maxVus() {
        return maxVus;
    }

    int preAllocatedVus() {
        return preAllocatedVus;
    }

    void onStartLag(LongConsumer listener) {
        this.startLag = listener;
    }

    /**
     * Runs this instance's share: its share of the VUs, and the iterations its stripes give it
     * (k6 deals the iterations out following the shares of {@code maxVUs}).
     */
    void run(Executor executor, ExecutionState state, Function<StripedSequence.StripedOffsets, ArrivalSchedule> schedule,
            Duration duration) throws InterruptedException {
        if (maxVus == 0) {
            return; // this instance's segment has no share of this scenario
        }
        ExecutionTuple iterationTuple = instance.tuple().forValue(configMaxVus);
        new ArrivalRateRun(executor, state, instance.pauseGate(), new ScenarioIterations(iterationTuple), maxVus,
                startLag)
                .run(schedule.apply(iterationTuple.stripedOffsets()), preAllocatedVus, duration);
    }
}
