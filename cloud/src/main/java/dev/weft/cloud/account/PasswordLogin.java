package dev.weft.cloud.account;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * A login by email and password as both the login form and {@code POST /v1/login} do it:
 * throttled per account and per client address ({@link LoginThrottle}), then checked with
 * the same PBKDF2 work whether or not the email has an account. Thread-safe; called on
 * request threads.
 */
public final class PasswordLogin {
    /** What a login attempt came to. */
    public sealed interface Outcome {
    }

    /** The password was right. */
    public record Success(Principal principal) implements Outcome {
    }

    /** Wrong email or password (which one is not said). */
    public record Wrong() implements Outcome {
    }

    /** Too many failures from this account or address: refused without checking, try after the wait. */
    public record Throttled(Duration retryAfter) implements Outcome {
        /** Whole seconds to wait, at least 1, for {@code Retry-After}. */
        public long seconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    private final AccountStore accounts;
    private final LoginThrottle throttle;

    public PasswordLogin(AccountStore accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    public Outcome login(String email, String password, String address) throws SQLException {
        LoginThrottle.Decision d = throttle.attempt(email, address);
        if (!d.allowed()) {
            return new Throttled(d.retryAfter());
        }
        Optional<Principal> p = accounts.byPassword(email, password);
        if (p.isEmpty()) {
            return new Wrong();
        }
        throttle.succeeded(email, address);
        return new Success(p.get());
    }
}
