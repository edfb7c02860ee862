package dev.weft.output.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.metrics.Metric;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.metrics.ValueType;
import dev.weft.output.stores.OtlpReceiver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The opentelemetry output exporting over OTLP to a real receiver on loopback, over HTTP and gRPC. */
class OtelOutputTest {
    private static List<Sample> requests(int n) {
        List<Sample> out = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (int i = 0; i < n; i++) {
            String status = i % 4 == 0 ? "500" : "200";
            Tags tags = Tags.of("method", "GET", "status", status, "vu", "1", "iter", String.valueOf(i), "group", "");
            out.add(new Sample(Metric.counter("http_reqs"), tags, now, 1));
            out.add(new Sample(Metric.trend("http_req_duration", ValueType.TIME), tags, now, i + 0.5));
            out.add(new Sample(Metric.rate("checks"), Tags.of("check", "ok"), now, status.equals("200") ? 1 : 0));
        }
        out.add(new Sample(Metric.gauge("vus"), Tags.EMPTY, now, 4));
        return out;
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"http", "grpc"})
    void k6s_metric_names_attributes_and_resource_reach_an_otlp_receiver(String transport) throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            OtelOutput out = new OtelOutput(OtelConfig.from(Map.of("K6_OTEL_EXPORTER_TYPE", transport,
                    "K6_OTEL_HTTP_EXPORTER_ENDPOINT", receiver.httpEndpoint(), "K6_OTEL_HTTP_EXPORTER_INSECURE", "true",
                    "K6_OTEL_GRPC_EXPORTER_ENDPOINT", receiver.grpcEndpoint(), "K6_OTEL_GRPC_EXPORTER_INSECURE", "true",
                    "K6_OTEL_FLUSH_INTERVAL", "100ms", "K6_OTEL_EXPORT_INTERVAL", "200ms", "K6_OTEL_METRIC_PREFIX", "k6_",
                    "K6_OTEL_SERVICE_NAME", "checkout-load"), "0.1.0"));
            out.start();
            out.addMetricSamples(requests(60));
            Thread.sleep(500); // at least one periodic export
            out.addMetricSamples(requests(40));
            out.stop();
            assertThat(out.failedExports()).isZero();
            assertThat(out.succeededExports()).isGreaterThanOrEqualTo(2);
            assertThat(out.stats().dropped()).isZero();
            assertThat(receiver.total("k6_http_reqs")).isEqualTo(100);
            assertThat(receiver.latest("k6_http_reqs").getSum().getIsMonotonic()).isTrue();
            assertThat(receiver.attributes("k6_http_reqs")).containsExactlyInAnyOrder(
                    Map.of("method", "GET", "status", "200"), Map.of("method", "GET", "status", "500"));
            assertThat(receiver.total("k6_http_req_duration")).isEqualTo(100);
            assertThat(receiver.latest("k6_http_req_duration").getUnit()).isEqualTo("ms");
            assertThat(receiver.total("k6_checks.total")).isEqualTo(100);
            assertThat(receiver.total("k6_checks.occurred")).isEqualTo(75);
            assertThat(receiver.total("k6_vus")).isEqualTo(4);
            assertThat(receiver.resource()).containsEntry("service.name", "checkout-load")
                    .containsEntry("service.version", "0.1.0").containsEntry("telemetry.sdk.language", "java");
        }
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"http", "grpc"})
    void exports_to_a_closed_port_are_counted_as_failed(String transport) throws Exception {
        String endpoint;
        try (OtlpReceiver gone = OtlpReceiver.start()) {
            endpoint = transport.equals("http") ? gone.httpEndpoint() : gone.grpcEndpoint();
        }
        OtelOutput out = new OtelOutput(OtelConfig.from(Map.of("K6_OTEL_EXPORTER_TYPE", transport,
                "K6_OTEL_HTTP_EXPORTER_ENDPOINT", endpoint, "K6_OTEL_HTTP_EXPORTER_INSECURE", "true",
                "K6_OTEL_GRPC_EXPORTER_ENDPOINT", endpoint, "K6_OTEL_GRPC_EXPORTER_INSECURE", "true"), "0.1.0"));
        out.start();
        out.addMetricSamples(requests(5));
        out.stop();
        assertThat(out.failedExports()).isPositive();
    }
}
