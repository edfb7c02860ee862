package dev.weft.output.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test run's name and project as k6 v1.3.0 consolidates them: the script's
 * {@code options.cloud} (or legacy {@code options.ext.loadimpact}), then K6_CLOUD_* variables,
 * then {@code --out cloud=NAME}.
 */
class CloudConfigTest {
    @TempDir
    Path dir;

    private Map<String, String> env(String... pairs) {
        Map<String, String> m = new java.util.HashMap<>(Map.of("XDG_CONFIG_HOME", dir.toString()));
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static JsonObject options(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    @Test
    void theScriptsCloudOptionsNameTheRunAndItsProject() {
        CloudConfig c = CloudConfig.resolve(env(), options("{\"cloud\": {\"name\": \"shop\", \"projectID\": 7}}"), "");

        assertThat(c.name()).isEqualTo("shop");
        assertThat(c.projectId()).isEqualTo(7L);
    }

    @Test
    void theEnvironmentBeatsTheScriptAndTheOutArgumentBeatsBoth() {
        JsonObject o = options("{\"cloud\": {\"name\": \"shop\", \"projectID\": 7}}");

        CloudConfig byEnv = CloudConfig.resolve(env("K6_CLOUD_NAME", "nightly", "K6_CLOUD_PROJECT_ID", "9"), o, null);
        CloudConfig byArgument = CloudConfig.resolve(env("K6_CLOUD_NAME", "nightly"), o, "release");

        assertThat(byEnv.name()).isEqualTo("nightly");
        assertThat(byEnv.projectId()).isEqualTo(9L);
        assertThat(byArgument.name()).isEqualTo("release");
    }

    @Test
    void theLegacyLoadimpactOptionsAreReadWhenThereIsNoCloudKey() {
        CloudConfig c = CloudConfig.resolve(env(), options("{\"ext\": {\"loadimpact\": {\"name\": \"old\", "
                + "\"projectID\": \"12\"}}}"), null);

        assertThat(c.name()).isEqualTo("old");
        assertThat(c.projectId()).isEqualTo(12L);
    }

    @Test
    void noNameAndProjectZeroMeanTheScriptsFileAndTheDefaultProject() {
        CloudConfig c = CloudConfig.resolve(env(), options("{\"cloud\": {\"projectID\": 0}}"), null);

        assertThat(c.name()).isNull();
        assertThat(c.projectId()).isNull();
    }

    @Test
    void aProjectIdThatIsNoNumberIsOneLineNamingWhereItCameFrom() {
        assertThatThrownBy(() -> CloudConfig.resolve(env(), options("{\"cloud\": {\"projectID\": \"shop\"}}"), null))
                .hasMessage("options.cloud.projectID must be a whole number, got 'shop'");
        assertThatThrownBy(() -> CloudConfig.resolve(env("K6_CLOUD_PROJECT_ID", "x1"), null, null))
                .hasMessage("K6_CLOUD_PROJECT_ID must be a whole number, got 'x1'");
    }
}
