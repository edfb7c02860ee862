package dev.weft.executor;

import dev.weft.segment.StripedSequence.StripedOffsets;

/**
 * constant-arrival-rate's starts: test-wide iteration {@code g} starts at {@code g × timeUnit /
 * rate} (the first at 0), and this instance takes the iterations its stripes give it.
 */
final class ConstantRateSchedule implements ArrivalSchedule {
    private final long periodNanos;
    private final long[] steps;
    private long global;
    private long step;

    ConstantRateSchedule(long rate, long timeUnitNanos, StripedOffsets offsets) {
        // as k6: the period as the nearest double, truncated to whole nanoseconds
        this.periodNanos = (long) ((double) timeUnitNanos / rate);
        this.steps = offsets.steps();
        this.global = offsets.start();
    }

    @Override
    public long next() {
        long at = periodNanos * global;
        global += steps[(int) (step++ % steps.length)];
        return at;
    }
}
