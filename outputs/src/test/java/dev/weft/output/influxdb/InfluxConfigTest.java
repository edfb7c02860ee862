package dev.weft.output.influxdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InfluxConfigTest {
    @Test
    void defaults_are_k6s() {
        InfluxConfig c = InfluxConfig.from(false, Map.of(), "");
        assertThat(c.addr()).isEqualTo("http://localhost:8086");
        assertThat(c.db()).isEqualTo("k6");
        assertThat(c.tagsAsFields()).containsExactly("vu", "iter", "url");
        assertThat(c.pushInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.concurrentWrites()).isEqualTo(4);
        assertThat(c.precision()).isEmpty();
    }

    @Test
    void the_out_url_sets_address_database_credentials_and_query_options_over_the_environment() {
        InfluxConfig c = InfluxConfig.from(false, Map.of("K6_INFLUXDB_DB", "envdb", "K6_INFLUXDB_PRECISION", "ms",
                "K6_INFLUXDB_TAGS_AS_FIELDS", "vu:int"),
                "http://me:s%40cret@127.0.0.1:9999/loads?retention=week&precision=s&tagsAsFields=vu:int&tagsAsFields=url");
        assertThat(c.addr()).isEqualTo("http://127.0.0.1:9999");
        assertThat(c.db()).isEqualTo("loads");
        assertThat(c.username()).isEqualTo("me");
        assertThat(c.password()).isEqualTo("s@cret");
        assertThat(c.retention()).isEqualTo("week");
        assertThat(c.precision()).isEqualTo("s");
        assertThat(c.tagsAsFields()).isEqualTo(List.of("vu:int", "url"));
    }

    @Test
    void v2_takes_organization_bucket_and_token_and_requires_them() {
        InfluxConfig c = InfluxConfig.from(true, Map.of("K6_INFLUXDB_ORGANIZATION", "acme", "K6_INFLUXDB_TOKEN", "t0k"),
                "http://127.0.0.1:8086/perf");
        assertThat(c.bucket()).isEqualTo("perf");
        assertThat(c.organization()).isEqualTo("acme");
        assertThat(c.token()).isEqualTo("t0k");
        assertThatThrownBy(() -> InfluxConfig.from(true, Map.of("K6_INFLUXDB_BUCKET", "b"), ""))
                .hasMessageStartingWith("K6_INFLUXDB_ORGANIZATION: InfluxDB 2 needs an organization");
    }

    @Test
    void bad_settings_are_refused_naming_what_is_wrong() {
        assertThatThrownBy(() -> InfluxConfig.from(false, Map.of("K6_INFLUXDB_PRECISION", "week"), ""))
                .hasMessageStartingWith("K6_INFLUXDB_PRECISION: 'week' is not one of");
        assertThatThrownBy(() -> InfluxConfig.from(false, Map.of(), "http://h:1/db?colour=red"))
                .hasMessageContaining("unknown query parameter: colour");
        assertThatThrownBy(() -> InfluxConfig.from(false, Map.of(), "http://h:1/db?token=x"))
                .hasMessageContaining("unknown query parameter: token");
        assertThatThrownBy(() -> InfluxConfig.from(false, Map.of("K6_INFLUXDB_CONCURRENT_WRITES", "0"), ""))
                .hasMessageStartingWith("K6_INFLUXDB_CONCURRENT_WRITES: must be at least 1");
        assertThatThrownBy(() -> InfluxConfig.from(false, Map.of("K6_INFLUXDB_ADDR", "udp://h:8089"), ""))
                .hasMessageContaining("udp:// is not supported");
    }
}
