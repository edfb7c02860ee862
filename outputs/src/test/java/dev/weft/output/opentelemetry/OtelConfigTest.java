package dev.weft.output.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtelConfigTest {
    @Test
    void defaults_are_k6s() {
        OtelConfig c = OtelConfig.from(Map.of(), "0.1.0");
        assertThat(c.serviceName()).isEqualTo("k6");
        assertThat(c.exporterType()).isEqualTo("grpc");
        assertThat(c.grpcEndpoint()).isEqualTo("localhost:4317");
        assertThat(c.httpEndpoint()).isEqualTo("localhost:4318");
        assertThat(c.httpUrlPath()).isEqualTo("/v1/metrics");
        assertThat(c.exportInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.flushInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.endpointUrl()).isEqualTo("https://localhost:4317");
    }

    @Test
    void otel_service_name_headers_and_the_http_exporter_are_read_from_the_environment() {
        OtelConfig c = OtelConfig.from(Map.of("OTEL_SERVICE_NAME", "svc", "K6_OTEL_HEADERS", "X-Key=a%3Db,Team=perf",
                "K6_OTEL_EXPORTER_TYPE", "http", "K6_OTEL_HTTP_EXPORTER_INSECURE", "true",
                "K6_OTEL_HTTP_EXPORTER_ENDPOINT", "127.0.0.1:9"), "0.1.0");
        assertThat(c.serviceName()).isEqualTo("svc");
        assertThat(c.headers()).containsEntry("X-Key", "a=b").containsEntry("Team", "perf");
        assertThat(c.endpointUrl()).isEqualTo("http://127.0.0.1:9/v1/metrics");
    }

    @Test
    void bad_settings_are_refused_with_k6s_messages() {
        assertThatThrownBy(() -> OtelConfig.from(Map.of("K6_OTEL_EXPORTER_TYPE", "udp"), "0.1.0"))
                .hasMessageContaining("unsupported exporter type \"udp\"");
        assertThatThrownBy(() -> OtelConfig.from(Map.of("K6_OTEL_EXPORTER_TYPE", "http",
                "K6_OTEL_HTTP_EXPORTER_ENDPOINT", "http://h:4318"), "0.1.0"))
                .hasMessageContaining("HTTP exporter endpoint must only be host and port, no scheme");
        assertThatThrownBy(() -> OtelConfig.from(Map.of("K6_OTEL_HEADERS", "novalue"), "0.1.0"))
                .hasMessageContaining("invalid header \"novalue\", expected format key=value");
        assertThatThrownBy(() -> OtelConfig.from(Map.of("K6_OTEL_EXPORT_INTERVAL", "often"), "0.1.0"))
                .hasMessageStartingWith("K6_OTEL_EXPORT_INTERVAL: 'often' is not a valid duration");
    }
}
