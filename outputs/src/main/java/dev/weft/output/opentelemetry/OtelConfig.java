package dev.weft.output.opentelemetry;

import dev.weft.output.push.SettingValues;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The opentelemetry output's settings, from defaults and the environment ({@code K6_OTEL_*},
 * {@code OTEL_SERVICE_NAME}), as k6 v1 reads them.
 *
 * @param serviceName           resource {@code service.name} ({@code K6_OTEL_SERVICE_NAME}, {@code OTEL_SERVICE_NAME}; k6)
 * @param serviceVersion        resource {@code service.version} ({@code K6_OTEL_SERVICE_VERSION}; Weft's version)
 * @param metricPrefix          prefix of every metric name ({@code K6_OTEL_METRIC_PREFIX}; none)
 * @param flushInterval         how often samples go into the SDK ({@code K6_OTEL_FLUSH_INTERVAL}; 1s)
 * @param exportInterval        how often the SDK exports ({@code K6_OTEL_EXPORT_INTERVAL}; 10s)
 * @param exporterType          {@code grpc} (default) or {@code http} ({@code K6_OTEL_EXPORTER_TYPE})
 * @param headers               {@code K6_OTEL_HEADERS}: {@code k=v,k2=v2}, URL-escaped
 * @param tlsInsecureSkipVerify {@code K6_OTEL_TLS_INSECURE_SKIP_VERIFY}
 * @param tlsCertificate        a CA certificate file to trust ({@code K6_OTEL_TLS_CERTIFICATE})
 * @param tlsClientCertificate  client certificate file ({@code K6_OTEL_TLS_CLIENT_CERTIFICATE})
 * @param tlsClientKey          its key file ({@code K6_OTEL_TLS_CLIENT_KEY})
 * @param httpInsecure          plain http instead of https ({@code K6_OTEL_HTTP_EXPORTER_INSECURE})
 * @param httpEndpoint          host:port ({@code K6_OTEL_HTTP_EXPORTER_ENDPOINT}; localhost:4318)
 * @param httpUrlPath           {@code K6_OTEL_HTTP_EXPORTER_URL_PATH} (/v1/metrics)
 * @param grpcEndpoint          host:port ({@code K6_OTEL_GRPC_EXPORTER_ENDPOINT}; localhost:4317)
 * @param grpcInsecure          plain h2c instead of TLS ({@code K6_OTEL_GRPC_EXPORTER_INSECURE})
 */
public record OtelConfig(String serviceName, String serviceVersion, String metricPrefix, Duration flushInterval,
        Duration exportInterval, String exporterType, Map<String, String> headers, boolean tlsInsecureSkipVerify,
        String tlsCertificate, String tlsClientCertificate, String tlsClientKey, boolean httpInsecure,
        String httpEndpoint, String httpUrlPath, String grpcEndpoint, boolean grpcInsecure) {

    public OtelConfig {
        headers = Map.copyOf(headers);
    }

    /** @throws IllegalArgumentException naming the setting that is wrong */
    public static OtelConfig from(Map<String, String> env, String defaultVersion) {
        Map<String, String> e = env == null ? Map.of() : env;
        String serviceName = e.getOrDefault("K6_OTEL_SERVICE_NAME", e.getOrDefault("OTEL_SERVICE_NAME", "k6"));
        String version = e.getOrDefault("K6_OTEL_SERVICE_VERSION", defaultVersion);
        Duration flush = duration(e, "K6_OTEL_FLUSH_INTERVAL", Duration.ofSeconds(1));
        Duration export = duration(e, "K6_OTEL_EXPORT_INTERVAL", Duration.ofSeconds(10));
        String type = e.getOrDefault("K6_OTEL_EXPORTER_TYPE", "grpc").trim();
        Map<String, String> headers = new LinkedHashMap<>();
        if (e.get("K6_OTEL_HEADERS") != null && !e.get("K6_OTEL_HEADERS").isEmpty()) {
            for (String pair : e.get("K6_OTEL_HEADERS").split(",")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("K6_OTEL_HEADERS: invalid header \"" + pair
                            + "\", expected format key=value");
                }
                headers.put(unescape(pair.substring(0, eq)).trim(), unescape(pair.substring(eq + 1)));
            }
        }
        OtelConfig c = new OtelConfig(serviceName, version, e.getOrDefault("K6_OTEL_METRIC_PREFIX", ""), flush, export,
                type, headers, bool(e, "K6_OTEL_TLS_INSECURE_SKIP_VERIFY"), e.get("K6_OTEL_TLS_CERTIFICATE"),
                e.get("K6_OTEL_TLS_CLIENT_CERTIFICATE"), e.get("K6_OTEL_TLS_CLIENT_KEY"),
                bool(e, "K6_OTEL_HTTP_EXPORTER_INSECURE"), e.getOrDefault("K6_OTEL_HTTP_EXPORTER_ENDPOINT", "localhost:4318"),
                e.getOrDefault("K6_OTEL_HTTP_EXPORTER_URL_PATH", "/v1/metrics"),
                e.getOrDefault("K6_OTEL_GRPC_EXPORTER_ENDPOINT", "localhost:4317"), bool(e, "K6_OTEL_GRPC_EXPORTER_INSECURE"));
        c.validate();
        return c;
    }

    private static String unescape(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Duration duration(Map<String, String> env, String key, Duration fallback) {
        String v = env.get(key);
        return v == null || v.isBlank() ? fallback : SettingValues.duration(key, v);
    }

    private static boolean bool(Map<String, String> env, String key) {
        String v = env.get(key);
        return v != null && !v.isBlank() && SettingValues.bool(key, v);
    }

    /** k6's checks, with its messages. */
    void validate() {
        String prefix = "error validating OpenTelemetry output config: ";
        if (serviceName.isEmpty()) {
            throw new IllegalArgumentException(prefix + "providing service name is required");
        }
        if (serviceVersion.isEmpty()) {
            throw new IllegalArgumentException(prefix + "providing service version is required");
        }
        if (!exporterType.equals("grpc") && !exporterType.equals("http")) {
            throw new IllegalArgumentException(prefix + "unsupported exporter type \"" + exporterType
                    + "\", currently only \"grpc\" and \"http\" are supported (K6_OTEL_EXPORTER_TYPE)");
        }
        if (exporterType.equals("grpc") && grpcEndpoint.isBlank()) {
            throw new IllegalArgumentException(prefix + "gRPC exporter endpoint is required");
        }
        if (exporterType.equals("http")) {
            if (httpEndpoint.isBlank()) {
                throw new IllegalArgumentException(prefix + "HTTP exporter endpoint is required");
            }
            if (httpEndpoint.startsWith("http://") || httpEndpoint.startsWith("https://")) {
                throw new IllegalArgumentException(prefix + "HTTP exporter endpoint must only be host and port, no scheme "
                        + "(K6_OTEL_HTTP_EXPORTER_ENDPOINT)");
            }
        }
        if ((tlsClientCertificate == null) != (tlsClientKey == null)) {
            throw new IllegalArgumentException(prefix + "K6_OTEL_TLS_CLIENT_CERTIFICATE and K6_OTEL_TLS_CLIENT_KEY "
                    + "go together: set both");
        }
    }

    /** The URL the exporter sends to. */
    String endpointUrl() {
        return exporterType.equals("http")
                ? (httpInsecure ? "http://" : "https://") + httpEndpoint + httpUrlPath
                : (grpcInsecure ? "http://" : "https://") + grpcEndpoint;
    }

    /** k6's description: {@code grpc, localhost:4317} or {@code http, https://localhost:4318/v1/metrics}. */
    String describe() {
        return exporterType.equals("http") ? "http, " + endpointUrl()
                : "grpc" + (grpcInsecure ? " (insecure)" : "") + ", " + grpcEndpoint;
    }
}
