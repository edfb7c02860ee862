package dev.weft.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.ValidateTokenRequest;
import dev.weft.cloud.wire.ValidateTokenResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft cloud serve} as the CLI calls it. */
class CloudServeTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CloudServe.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void createsAUserAndPrintsATokenTheServiceAccepts() throws Exception {
        String db = dir.resolve("data").toString();

        int code = run("--port", "0", "--db", db, "--create-user", "ops@example.com:pw", "--create-token", "--setup-only");

        assertThat(code).as(err.toString()).isZero();
        assertThat(printed()).contains("user ops@example.com ready").contains("Weft results service: http://127.0.0.1:");
        Matcher m = Pattern.compile("token: ([0-9a-f]{64})").matcher(printed());
        assertThat(m.find()).isTrue();
        try (ResultsService service = ResultsService.start(ServiceConfig.defaults().withPort(0)
                .withDatabase(ServiceConfig.defaultJdbcUrl(Path.of(db)), null, null).withRunTimeout(Duration.ofMinutes(2)))) {
            ValidateTokenResponse r = new ApiClient(service.baseUrl())
                    .postJson(CloudApi.VALIDATE_TOKEN_PATH, null, new ValidateTokenRequest(m.group(1)))
                    .as(ValidateTokenResponse.class);
            assertThat(r.valid()).isTrue();
        }
    }

    @Test
    void aFirstStartWithoutUsersMakesAnAdminAndSaysItsPassword() {
        int code = run("--port", "0", "--db", dir.resolve("data").toString(), "--setup-only");

        assertThat(code).isZero();
        assertThat(printed()).contains("first start: created user admin@localhost with password").contains("token: ");
    }

    @Test
    void badOptionsAreExitCode2WithAMessage() {
        assertThat(run("--port", "x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port needs a number");
        assertThat(run("--create-user", "nocolon")).isEqualTo(2);
        assertThat(run("--db", "jdbc:mysql://x")).isEqualTo(2);
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --bogus");
    }

    @Test
    void aTokenFromAFileIsAcceptedOnEveryStartAndTooShortOnesAreRefused() throws Exception {
        String db = dir.resolve("data").toString();
        String token = "k8s-secret-token-0123456789abcdef0123456789";
        java.nio.file.Files.writeString(dir.resolve("token"), token + "\n");
        java.nio.file.Files.writeString(dir.resolve("short"), "abc");

        assertThat(run("--port", "0", "--db", db, "--add-token-file", dir.resolve("token").toString(), "--setup-only"))
                .as(err.toString()).isZero();
        assertThat(run("--port", "0", "--db", db, "--add-token-file", dir.resolve("token").toString(), "--setup-only"))
                .as(err.toString()).isZero();
        assertThat(printed()).contains("accepted for admin@localhost");
        assertThat(run("--port", "0", "--db", db, "--add-token-file", dir.resolve("short").toString(), "--setup-only"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("32 to 200 characters");
        try (ResultsService service = ResultsService.start(ServiceConfig.defaults().withPort(0)
                .withDatabase(ServiceConfig.defaultJdbcUrl(Path.of(db)), null, null))) {
            assertThat(service.accounts().byToken(token)).isPresent();
        }
    }

    @Test
    void aSeriesBudgetBelowOneIsRefusedNamingTheProblem() {
        int code = run("--port", "0", "--db", dir.resolve("data").toString(), "--max-series", "0", "--setup-only");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("the series budget must be positive, got 0");
    }
}
