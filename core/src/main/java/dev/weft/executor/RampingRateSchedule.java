package dev.weft.executor;

import dev.weft.segment.StripedSequence.StripedOffsets;
import java.util.List;

/**
 * ramping-arrival-rate's starts, k6's formula: the rate changes linearly within each stage,
 * so the number of iterations due by time t is the area under the rate line. Iteration n
 * (from 1) starts when that area reaches n: within a ramp from rate a to b over d, that is
 * {@code x = (a·d − sqrt(d·(a²·d + 2·(n − done)·(b − a)))) / (a − b)}; on a flat stage,
 * {@code x = (n − done) / a}. Fractions of an iteration left at a stage's end carry over.
 * This instance takes the iterations its stripes give it.
 */
final class RampingRateSchedule implements ArrivalSchedule {
    private final List<Stage> stages;
    private final double timeUnit;
    private final long[] steps;
    private long stepIndex;
    private int stage = -1;
    private double n;
    private double done;
    private double endCount;
    private double from;
    private double to;
    private double duration;
    private long stageStart;

    RampingRateSchedule(long startRate, long timeUnitNanos, List<Stage> stages, StripedOffsets offsets) {
        this.stages = stages;
        this.timeUnit = timeUnitNanos;
        this.steps = offsets.steps();
        this.from = startRate / timeUnit;
        this.n = offsets.start() + 1; // areas count from 1
        enterNextStage();
    }

    private boolean enterNextStage() {
        if (stage >= 0) {
            done = endCount;
            from = to;
            stageStart += stages.get(stage).duration().toNanos();
        }
        stage++;
        if (stage >= stages.size()) {
            return false;
        }
        to = stages.get(stage).target() / timeUnit;
        duration = stages.get(stage).duration().toNanos();
        endCount += from != to ? duration * ((to - from) / 2 + from) : duration * to;
        return true;
    }

    @Override
    public long next() {
        while (stage < stages.size()) {
            if (n <= endCount) {
                long at;
                if (from != to) {
                    double x = (from * duration - sqrtOrZero(duration * (from * from * duration
                            + 2 * (n - done) * (to - from)))) / (from - to);
                    at = (long) x + stageStart;
                } else {
                    at = (long) ((n - done) / to) + stageStart;
                }
                n += steps[(int) (stepIndex++ % steps.length)];
                return at;
            }
            enterNextStage();
        }
        return -1;
    }

    /** Rounding can make the radicand a hair below zero; k6 takes that as zero. */
    private static double sqrtOrZero(double f) {
        return Double.doubleToRawLongBits(f) < 0 ? 0 : Math.sqrt(f);
    }
}
