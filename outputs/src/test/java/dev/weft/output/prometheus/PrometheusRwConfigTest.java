package dev.weft.output.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusRwConfigTest {
    @Test
    void defaults_are_k6s() {
        PrometheusRwConfig c = PrometheusRwConfig.from(Map.of(), "");
        assertThat(c.url()).isEqualTo(URI.create("http://localhost:9090/api/v1/write"));
        assertThat(c.pushInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.trendStats()).containsExactly("p(99)");
        assertThat(c.trendAsNativeHistogram()).isFalse();
        assertThat(c.username()).isNull();
    }

    @Test
    void variables_and_the_argument_set_every_option_and_headers_come_from_both_forms() {
        PrometheusRwConfig c = PrometheusRwConfig.from(Map.of("K6_PROMETHEUS_RW_SERVER_URL", "https://m:9/w",
                "K6_PROMETHEUS_RW_HEADERS_X-Scope-OrgID", "t1", "K6_PROMETHEUS_RW_HTTP_HEADERS", "A:1,B:2",
                "K6_PROMETHEUS_RW_TREND_STATS", "min,max,p(90)", "K6_PROMETHEUS_RW_STALE_MARKERS", "true",
                "K6_PROMETHEUS_RW_INSECURE_SKIP_TLS_VERIFY", "true"), "pushInterval=2s,headers.C=3,username=u");
        assertThat(c.url()).isEqualTo(URI.create("https://m:9/w"));
        assertThat(c.headers()).containsEntry("X-Scope-OrgID", "t1").containsEntry("A", "1").containsEntry("B", "2")
                .containsEntry("C", "3");
        assertThat(c.trendStats()).containsExactly("min", "max", "p(90)");
        assertThat(c.staleMarkers()).isTrue();
        assertThat(c.insecureSkipTlsVerify()).isTrue();
        assertThat(c.pushInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.username()).isEqualTo("u");
    }

    @Test
    void bad_settings_are_refused_naming_the_variable() {
        assertThatThrownBy(() -> PrometheusRwConfig.from(Map.of("K6_PROMETHEUS_RW_TREND_STATS", "p(99),mean"), ""))
                .hasMessageStartingWith("K6_PROMETHEUS_RW_TREND_STATS: 'mean' is not a trend stat");
        assertThatThrownBy(() -> PrometheusRwConfig.from(Map.of("K6_PROMETHEUS_RW_HTTP_HEADERS", "novalue"), ""))
                .hasMessageContaining("does not respect the expected format <header key>:<value>");
        assertThatThrownBy(() -> PrometheusRwConfig.from(Map.of("K6_PROMETHEUS_RW_PUSH_INTERVAL", "x"), ""))
                .hasMessageStartingWith("K6_PROMETHEUS_RW_PUSH_INTERVAL: 'x' is not a valid duration");
        assertThatThrownBy(() -> PrometheusRwConfig.from(Map.of("K6_PROMETHEUS_RW_SIGV4_REGION", "eu"), ""))
                .hasMessageContaining("SigV4 signing is not supported");
        assertThatThrownBy(() -> PrometheusRwConfig.from(Map.of(), "colour=red"))
                .hasMessageContaining("\"colour\" is an unknown option's key");
    }
}
