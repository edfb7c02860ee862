package dev.weft.options;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestOptionsTest {
    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    @Test
    void a_higher_layer_setting_iterations_drops_the_lower_layers_stages_as_k6_does() {
        TestOptions o = TestOptions.merge(List.of(
                json("{'stages':[{'duration':'10s','target':5}],'vus':3}"),
                json("{'iterations':1,'vus':1}")));
        assertThat(o.raw().has("stages")).isFalse();
        assertThat(o.raw().get("iterations").getAsLong()).isEqualTo(1);
        assertThat(o.raw().get("vus").getAsLong()).isEqualTo(1);
    }

    @Test
    void execution_options_in_one_layer_are_kept_together_and_other_keys_merge() {
        TestOptions o = TestOptions.merge(List.of(
                json("{'scenarios':{'a':{'executor':'constant-vus','duration':'1s'}},'tags':{'x':'1'}}"),
                json("{'userAgent':'ua'}")));
        assertThat(o.raw().has("scenarios")).isTrue();
        assertThat(o.raw().get("userAgent").getAsString()).isEqualTo("ua");
        assertThat(o.raw().has("tags")).isTrue();
    }

    @Test
    void duration_from_the_environment_replaces_the_scripts_scenarios() {
        TestOptions o = TestOptions.merge(List.of(
                json("{'scenarios':{'a':{'executor':'shared-iterations'}}}"),
                json("{'duration':'5s'}")));
        assertThat(o.raw().has("scenarios")).isFalse();
        assertThat(o.raw().get("duration").getAsString()).isEqualTo("5s");
    }
}
