package dev.weft.executor;

import java.time.Duration;

/** One ramp of a ramping executor: move to {@code target} over {@code duration}. */
public record Stage(Duration duration, long target) {
    public Stage {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("stage duration can't be negative");
        }
        if (target < 0) {
            throw new IllegalArgumentException("stage target can't be negative");
        }
    }
}
