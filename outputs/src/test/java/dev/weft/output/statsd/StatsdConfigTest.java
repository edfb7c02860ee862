package dev.weft.output.statsd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatsdConfigTest {
    @Test
    void defaults_are_k6s() {
        StatsdConfig c = StatsdConfig.from(Map.of(), "");
        assertThat(c).isEqualTo(new StatsdConfig("localhost", 8125, "k6.", Duration.ofSeconds(1), 20, false,
                Set.of("vu", "iter", "url")));
    }

    @Test
    void k6_statsd_variables_set_every_option_and_the_argument_wins_over_them() {
        StatsdConfig c = StatsdConfig.from(Map.of("K6_STATSD_ADDR", "127.0.0.1:9125", "K6_STATSD_NAMESPACE", "load.",
                "K6_STATSD_PUSH_INTERVAL", "250ms", "K6_STATSD_BUFFER_SIZE", "5", "K6_STATSD_ENABLE_TAGS", "true",
                "K6_STATSD_TAG_BLOCKLIST", "vu,iter,url,name"), "namespace=x.,bufferSize=7");
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(9125);
        assertThat(c.namespace()).isEqualTo("x.");
        assertThat(c.pushInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.bufferSize()).isEqualTo(7);
        assertThat(c.enableTags()).isTrue();
        assertThat(c.tagBlocklist()).containsExactlyInAnyOrder("vu", "iter", "url", "name");
    }

    @Test
    void a_bad_value_is_an_error_naming_the_variable() {
        assertThatThrownBy(() -> StatsdConfig.from(Map.of("K6_STATSD_BUFFER_SIZE", "zero"), ""))
                .hasMessageStartingWith("K6_STATSD_BUFFER_SIZE: 'zero' is not a whole number");
        assertThatThrownBy(() -> StatsdConfig.from(Map.of("K6_STATSD_ADDR", "nohost"), ""))
                .hasMessageStartingWith("K6_STATSD_ADDR: 'nohost' is not host:port");
        assertThatThrownBy(() -> StatsdConfig.from(Map.of("K6_STATSD_PUSH_INTERVAL", "soon"), ""))
                .hasMessageStartingWith("K6_STATSD_PUSH_INTERVAL: 'soon' is not a valid duration");
        assertThatThrownBy(() -> StatsdConfig.from(Map.of(), "colour=red"))
                .hasMessageContaining("unknown key \"colour\" for the statsd output");
    }
}
