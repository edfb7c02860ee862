package dev.weft.cloud.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing, per account (email) and per client address: after
 * {@code allowed} failed logins in a row, the next attempt from there has to wait
 * {@code lockout}, and each further failure doubles the wait up to {@code maxLockout}. A
 * throttled attempt is refused before any password hashing, so guessing also stops burning
 * the service's CPU. Attempts are counted when they start (parallel guesses cannot all slip
 * through before the first failure lands); a successful login clears its account's count.
 * A quiet {@code maxLockout} after the last failure forgets the count. Thread-safe; called
 * from request threads.
 */
public final class LoginThrottle {
    /** Entries kept before old ones are swept, so a flood of addresses cannot grow memory without end. */
    static final int MAX_ENTRIES = 100_000;

    private record Entry(int failures, long lockedUntil, long lastFailure) { }

    /** The answer to an attempt: allowed, or refused for {@code retryAfter}. */
    public record Decision(boolean allowed, Duration retryAfter) {
        static final Decision ALLOW = new Decision(true, Duration.ZERO);
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final int allowed;
    private final Duration lockout;
    private final Duration maxLockout;
    private final Clock clock;

    public LoginThrottle(int allowed, Duration lockout, Duration maxLockout, Clock clock) {
        this.allowed = allowed;
        this.lockout = lockout;
        this.maxLockout = maxLockout;
        this.clock = clock;
    }

    /** Counts an attempt for the account and the address, or refuses it when either must wait. */
    public Decision attempt(String email, String address) {
        long now = clock.millis();
        String account = accountKey(email);
        String client = "address:" + address;
        long wait = Math.max(remaining(account, now), remaining(client, now));
        if (wait > 0) {
            return new Decision(false, Duration.ofMillis(wait));
        }
        if (entries.size() > MAX_ENTRIES) {
            sweep(now);
        }
        count(account, now);
        count(client, now);
        return Decision.ALLOW;
    }

    /** The password was right: the account's failures are forgotten (the address keeps its count). */
    public void succeeded(String email, String address) {
        entries.remove(accountKey(email));
        entries.computeIfPresent("address:" + address, (k, e) -> e.failures() <= 1 ? null
                : new Entry(e.failures() - 1, e.lockedUntil(), e.lastFailure()));
    }

    private static String accountKey(String email) {
        return "account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }

    private long remaining(String key, long now) {
        Entry e = entries.get(key);
        return e == null ? 0 : Math.max(0, e.lockedUntil() - now);
    }

    private void count(String key, long now) {
        entries.compute(key, (k, e) -> {
            int failures = e == null || now - e.lastFailure() > maxLockout.toMillis() ? 1 : e.failures() + 1;
            long locked = 0;
            if (failures >= allowed) {
                int doublings = Math.min(30, failures - allowed);
                locked = now + Math.min(maxLockout.toMillis(), lockout.toMillis() << doublings);
            }
            return new Entry(failures, locked, now);
        });
    }

    private void sweep(long now) {
        entries.entrySet().removeIf(e -> now - e.getValue().lastFailure() > maxLockout.toMillis()
                && e.getValue().lockedUntil() < now);
    }
}
