package dev.weft.cloud.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cloud.FakeClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final FakeClock clock = new FakeClock(Instant.ofEpochSecond(1_700_000_000L));
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(1), Duration.ofSeconds(8), clock);

    @Test
    void theAttemptsAllowedPassThenTheNextOneWaits() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.attempt("a@example.com", "10.0.0.1").allowed()).isTrue();
        }

        LoginThrottle.Decision d = throttle.attempt("a@example.com", "10.0.0.1");

        assertThat(d.allowed()).isFalse();
        assertThat(d.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void eachFurtherFailureDoublesTheWaitUpToTheMaximum() {
        for (int i = 0; i < 3; i++) {
            throttle.attempt("a@example.com", "10.0.0.1");
        }
        long[] waits = new long[5];
        for (int i = 0; i < waits.length; i++) {
            clock.advance(Duration.ofSeconds(8));
            assertThat(throttle.attempt("a@example.com", "10.0.0.1").allowed()).isTrue();
            waits[i] = throttle.attempt("a@example.com", "10.0.0.1").retryAfter().toSeconds();
        }

        assertThat(waits).containsExactly(2, 4, 8, 8, 8);
    }

    @Test
    void oneAddressGuessingManyAccountsIsThrottledToo() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.attempt("user" + i + "@example.com", "10.0.0.9").allowed()).isTrue();
        }

        assertThat(throttle.attempt("fresh@example.com", "10.0.0.9").allowed()).isFalse();
        assertThat(throttle.attempt("fresh@example.com", "10.0.0.10").allowed()).isTrue();
    }

    @Test
    void oneAccountGuessedFromManyAddressesIsThrottledToo() {
        for (int i = 0; i < 3; i++) {
            throttle.attempt("Target@Example.com", "10.0.1." + i);
        }

        assertThat(throttle.attempt("target@example.com", "10.0.2.1").allowed()).isFalse();
    }

    @Test
    void aSuccessfulLoginForgetsTheAccountsFailures() {
        throttle.attempt("a@example.com", "10.0.0.1");
        throttle.attempt("a@example.com", "10.0.0.2");
        throttle.succeeded("a@example.com", "10.0.0.2");

        assertThat(throttle.attempt("a@example.com", "10.0.0.3").allowed()).isTrue();
        assertThat(throttle.attempt("a@example.com", "10.0.0.4").allowed()).isTrue();
    }

    @Test
    void aQuietPeriodForgetsOldFailures() {
        for (int i = 0; i < 3; i++) {
            throttle.attempt("a@example.com", "10.0.0.1");
        }
        clock.advance(Duration.ofSeconds(9));

        assertThat(throttle.attempt("a@example.com", "10.0.0.1").allowed()).isTrue();
        assertThat(throttle.attempt("a@example.com", "10.0.0.1").allowed()).isTrue();
    }
}
