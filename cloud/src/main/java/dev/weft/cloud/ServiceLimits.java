package dev.weft.cloud;

import java.time.Duration;

/**
 * Limits that protect the service and its database: how many series a run keeps apart, how
 * fast failed logins may be retried, how many log lines a run keeps. Part of {@link ServiceConfig}; immutable.
 *
 * @param seriesBudget          series (metric + tag set) a run keeps apart; past it new tag sets
 *                              of a metric fold into one overflow series per metric
 * @param loginFailuresAllowed  failed logins per account, and per client address, before
 *                              logins from there are delayed
 * @param loginLockout          how long logins wait after that many failures; doubles with each
 *                              further failure up to {@code maxLoginLockout}
 * @param maxLoginLockout       the longest wait
 * @param logLinesPerRun        log lines a run keeps; later ones are counted as dropped
 */
public record ServiceLimits(int seriesBudget, int loginFailuresAllowed, Duration loginLockout,
        Duration maxLoginLockout, long logLinesPerRun) {
    /** Log lines a run keeps unless told otherwise (about 20 MB of typical lines). */
    public static final long DEFAULT_LOG_LINES_PER_RUN = 100_000;

    public ServiceLimits(int seriesBudget, int loginFailuresAllowed, Duration loginLockout, Duration maxLoginLockout) {
        this(seriesBudget, loginFailuresAllowed, loginLockout, maxLoginLockout, DEFAULT_LOG_LINES_PER_RUN);
    }

    public static ServiceLimits defaults() {
        return new ServiceLimits(dev.weft.cloud.metrics.MetricStore.DEFAULT_SERIES_BUDGET, 5, Duration.ofSeconds(1),
                Duration.ofMinutes(15));
    }

    public ServiceLimits withSeriesBudget(int budget) {
        return new ServiceLimits(budget, loginFailuresAllowed, loginLockout, maxLoginLockout, logLinesPerRun);
    }

    public ServiceLimits withLoginThrottle(int failuresAllowed, Duration lockout, Duration maxLockout) {
        return new ServiceLimits(seriesBudget, failuresAllowed, lockout, maxLockout, logLinesPerRun);
    }

    public ServiceLimits withLogLinesPerRun(long lines) {
        return new ServiceLimits(seriesBudget, loginFailuresAllowed, loginLockout, maxLoginLockout, lines);
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
        if (logLinesPerRun < 1) {
            throw new IllegalArgumentException("the log line limit per run must be positive, got " + logLinesPerRun);
        }
        return this;
    }
}
