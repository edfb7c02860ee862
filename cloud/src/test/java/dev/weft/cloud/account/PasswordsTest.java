package dev.weft.cloud.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {
    private final Passwords passwords = new Passwords(1000);

    @Test
    void aHashMatchesOnlyItsOwnPassword() {
        String hash = passwords.hash("correct horse");

        assertThat(passwords.matches("correct horse", hash)).isTrue();
        assertThat(passwords.matches("correct horsE", hash)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTimeBecauseOfTheSalt() {
        assertThat(passwords.hash("pw")).isNotEqualTo(passwords.hash("pw"));
    }

    @Test
    void aHashKeepsItsIterationCountSoOldHashesStillMatchAfterARaise() {
        String old = passwords.hash("pw");

        assertThat(old).startsWith("pbkdf2-sha256$1000$");
        assertThat(new Passwords(2000).matches("pw", old)).isTrue();
    }

    @Test
    void somethingThatIsNotOurHashNeverMatches() {
        assertThat(passwords.matches("pw", "plain-text-pw")).isFalse();
    }

    @Test
    void tokensAreStoredAsSha256Digests() {
        String token = new ApiTokens().newToken();

        assertThat(token).hasSize(64);
        assertThat(ApiTokens.digest(token)).hasSize(64).isNotEqualTo(token);
    }
}
