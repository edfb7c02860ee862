package dev.weft.output.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code login cloud} against the real results service, and where the token ends up. */
class CloudLoginTest {
    @TempDir
    Path dir;

    ServiceFixture fixture;
    Map<String, String> env;

    @BeforeEach
    void start() throws Exception {
        fixture = new ServiceFixture(dir.resolve("db"), Duration.ofMinutes(2));
        env = Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aValidTokenIsStoredOwnerOnlyWithTheHost() throws Exception {
        CloudLogin.Result r = new CloudLogin(env).validateAndStore(fixture.service.baseUrl(), fixture.token);

        assertThat(r.configFile()).isEqualTo(dir.resolve("config/weft/cloud.json"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(r.configFile()))).isEqualTo("rw-------");
        CloudConfig config = CloudConfig.resolve(env);
        assertThat(config.token()).isEqualTo(fixture.token);
        assertThat(config.host()).isEqualTo(fixture.service.baseUrl());
    }

    @Test
    void anUnknownTokenIsRefusedAndNotStored() {
        assertThatThrownBy(() -> new CloudLogin(env).validateAndStore(fixture.service.baseUrl(), "not-a-token"))
                .isInstanceOf(CloudLoginException.class).hasMessageContaining("does not accept this token");

        assertThat(Files.exists(dir.resolve("config/weft/cloud.json"))).isFalse();
    }

    @Test
    void anEmailAndPasswordTradeForAStoredToken() throws Exception {
        CloudLogin.Result r = new CloudLogin(env).loginWithPassword(fixture.service.baseUrl(), "runner@example.com", "pw");

        assertThat(r.token()).hasSize(64);
        assertThat(CloudConfig.resolve(env).token()).isEqualTo(r.token());
    }

    @Test
    void aWrongPasswordSaysSo() {
        assertThatThrownBy(() -> new CloudLogin(env).loginWithPassword(fixture.service.baseUrl(), "runner@example.com", "x"))
                .isInstanceOf(CloudLoginException.class).hasMessageContaining("wrong email or password");
    }

    @Test
    void theEnvironmentBeatsTheLoginFile() throws Exception {
        new CloudLogin(env).validateAndStore(fixture.service.baseUrl(), fixture.token);
        Map<String, String> withEnv = Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString(),
                "K6_CLOUD_TOKEN", "from-env", "K6_CLOUD_HOST", "http://127.0.0.1:9/");

        CloudConfig config = CloudConfig.resolve(withEnv);

        assertThat(config.token()).isEqualTo("from-env");
        assertThat(config.host()).isEqualTo("http://127.0.0.1:9");
    }

    @Test
    void withoutAnythingTheDefaultsPointAtTheLocalService() {
        CloudConfig config = CloudConfig.resolve(Map.of("HOME", dir.toString()));

        assertThat(config.host()).isEqualTo("http://127.0.0.1:8270");
        assertThat(config.token()).isNull();
        assertThat(config.configFile()).isEqualTo(dir.resolve(".config/weft/cloud.json"));
        assertThat(config.pushInterval()).isEqualTo(Duration.ofSeconds(1));
    }
}
