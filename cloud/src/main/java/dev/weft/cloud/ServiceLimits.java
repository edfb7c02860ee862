package dev.weft.cloud;

import java.time.Duration;

/**
 * Limits that protect the service and its database: how many series a run keeps apart, and
 * how fast failed logins may be retried. Part of {@link ServiceConfig}; immutable.
 *
 * @param seriesBudget          series (metric + tag set) a run keeps apart; past it new tag sets
 *                              of a metric fold into one overflow series per metric
 * @param loginFailuresAllowed  failed logins per account, and per client address, before
 *                              logins from there are delayed
 * @param loginLockout          how long logins wait after that many failures; doubles with each
 *                              further failure up to {@code maxLoginLockout}
 * @param maxLoginLockout       the longest wait
 */
public record ServiceLimits(int seriesBudget, int loginFailuresAllowed, Duration loginLockout,
        Duration maxLoginLockout) {

    public static ServiceLimits defaults() {
        return new ServiceLimits(dev.weft.cloud.metrics.MetricStore.DEFAULT_SERIES_BUDGET, 5, Duration.ofSeconds(1),
                Duration.ofMinutes(15));
    }

    public ServiceLimits withSeriesBudget(int budget) {
        return new ServiceLimits(budget, loginFailuresAllowed, loginLockout, maxLoginLockout);
    }

    public ServiceLimits withLoginThrottle(int failuresAllowed, Duration lockout, Duration maxLockout) {
        return new ServiceLimits(seriesBudget, failuresAllowed, lockout, maxLockout);
    }

    /** Throws {@link IllegalArgumentException} naming the first bad limit. */
    public ServiceLimits validate() {
        if (seriesBudget < 1) {
            throw new IllegalArgumentException("the series budget must be positive, got " + seriesBudget);
        }
        if (loginFailuresAllowed < 1 || loginLockout.isNegative() || loginLockout.isZero()
                || maxLoginLockout.compareTo(loginLockout) < 0) {
            throw new IllegalArgumentException("login throttling needs at least 1 failure allowed and 0 < lockout <= max");
        }
        return this;
    }
}
