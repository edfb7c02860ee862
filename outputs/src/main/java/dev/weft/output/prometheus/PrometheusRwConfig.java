package dev.weft.output.prometheus;

import dev.weft.metrics.TrendSink;
import dev.weft.output.push.SettingValues;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Prometheus remote-write output's settings, from (lowest to highest precedence) defaults,
 * the {@code K6_PROMETHEUS_RW_*} environment and the {@code --out experimental-prometheus-rw=key=value,...}
 * argument (keys as k6's JSON config: url, username, password, pushInterval, headers.NAME, ...).
 *
 * @param url                    the remote-write endpoint ({@code K6_PROMETHEUS_RW_SERVER_URL}; http://localhost:9090/api/v1/write)
 * @param headers                extra request headers ({@code K6_PROMETHEUS_RW_HEADERS_<NAME>},
 *                               {@code K6_PROMETHEUS_RW_HTTP_HEADERS=k:v,k:v})
 * @param insecureSkipTlsVerify  accept any server certificate ({@code K6_PROMETHEUS_RW_INSECURE_SKIP_TLS_VERIFY})
 * @param username               basic auth user ({@code K6_PROMETHEUS_RW_USERNAME}), null for none
 * @param password               basic auth password ({@code K6_PROMETHEUS_RW_PASSWORD})
 * @param clientCertificate      PEM client certificate file ({@code K6_PROMETHEUS_RW_CLIENT_CERTIFICATE})
 * @param clientCertificateKey   its PEM PKCS#8 key file ({@code K6_PROMETHEUS_RW_CLIENT_CERTIFICATE_KEY})
 * @param bearerToken            {@code Authorization: Bearer} token ({@code K6_PROMETHEUS_RW_BEARER_TOKEN})
 * @param pushInterval           how often series are sent ({@code K6_PROMETHEUS_RW_PUSH_INTERVAL}; 5s)
 * @param trendAsNativeHistogram trends as native histograms ({@code K6_PROMETHEUS_RW_TREND_AS_NATIVE_HISTOGRAM})
 * @param trendStats             trend stats sent as gauges ({@code K6_PROMETHEUS_RW_TREND_STATS}; p(99))
 * @param staleMarkers           mark every series stale at the end ({@code K6_PROMETHEUS_RW_STALE_MARKERS})
 */
public record PrometheusRwConfig(URI url, Map<String, String> headers, boolean insecureSkipTlsVerify, String username,
        String password, String clientCertificate, String clientCertificateKey, String bearerToken,
        Duration pushInterval, boolean trendAsNativeHistogram, List<String> trendStats, boolean staleMarkers) {
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Set<String> PLAIN_STATS = Set.of("avg", "min", "max", "med", "count", "sum");

    public PrometheusRwConfig {
        headers = Map.copyOf(headers);
        trendStats = List.copyOf(trendStats);
    }

    /** @throws IllegalArgumentException naming the setting that is wrong */
    public static PrometheusRwConfig from(Map<String, String> env, String argument) {
        Builder b = new Builder();
        Map<String, String> e = env == null ? Map.of() : env;
        String[][] vars = {{"K6_PROMETHEUS_RW_SERVER_URL", "url"}, {"K6_PROMETHEUS_RW_PUSH_INTERVAL", "pushInterval"},
            {"K6_PROMETHEUS_RW_INSECURE_SKIP_TLS_VERIFY", "insecureSkipTLSVerify"},
            {"K6_PROMETHEUS_RW_USERNAME", "username"}, {"K6_PROMETHEUS_RW_PASSWORD", "password"},
            {"K6_PROMETHEUS_RW_CLIENT_CERTIFICATE", "clientCertificate"},
            {"K6_PROMETHEUS_RW_CLIENT_CERTIFICATE_KEY", "clientCertificateKey"},
            {"K6_PROMETHEUS_RW_BEARER_TOKEN", "bearerToken"},
            {"K6_PROMETHEUS_RW_TREND_AS_NATIVE_HISTOGRAM", "trendAsNativeHistogram"},
            {"K6_PROMETHEUS_RW_STALE_MARKERS", "staleMarkers"}, {"K6_PROMETHEUS_RW_TREND_STATS", "trendStats"}};
        for (String[] v : vars) {
            if (e.get(v[0]) != null) {
                b.set(v[0], v[1], e.get(v[0]));
            }
        }
        e.forEach((k, v) -> {
            if (k.startsWith("K6_PROMETHEUS_RW_HEADERS_") && k.length() > "K6_PROMETHEUS_RW_HEADERS_".length()) {
                b.headers.put(k.substring("K6_PROMETHEUS_RW_HEADERS_".length()), v);
            }
        });
        if (e.get("K6_PROMETHEUS_RW_HTTP_HEADERS") != null) {
            for (String pair : e.get("K6_PROMETHEUS_RW_HTTP_HEADERS").split(",")) {
                String[] kv = pair.split(":");
                if (kv.length != 2) {
                    throw new IllegalArgumentException("K6_PROMETHEUS_RW_HTTP_HEADERS: the provided header (" + pair
                            + ") does not respect the expected format <header key>:<value>");
                }
                b.headers.put(kv[0].trim(), kv[1].trim());
            }
        }
        for (String v : List.of("K6_PROMETHEUS_RW_SIGV4_REGION", "K6_PROMETHEUS_RW_SIGV4_ACCESS_KEY",
                "K6_PROMETHEUS_RW_SIGV4_SECRET_KEY")) {
            if (e.get(v) != null && !e.get(v).isBlank()) {
                throw new IllegalArgumentException(v + ": AWS SigV4 signing is not supported by Weft's "
                        + "Prometheus remote-write output");
            }
        }
        String arg = argument == null ? "" : argument.trim();
        if (!arg.isEmpty()) {
            for (String opt : arg.split(",")) {
                int eq = opt.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("couldn't parse argument \"" + opt + "\" as option");
                }
                b.set("--out experimental-prometheus-rw " + opt.substring(0, eq), opt.substring(0, eq),
                        opt.substring(eq + 1));
            }
        }
        PrometheusRwConfig c = new PrometheusRwConfig(b.url, b.headers, b.insecure, b.username, b.password,
                b.clientCertificate, b.clientCertificateKey, b.bearerToken, b.pushInterval, b.nativeHistogram,
                b.trendStats, b.staleMarkers);
        c.validate();
        return c;
    }

    void validate() {
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw new IllegalArgumentException("K6_PROMETHEUS_RW_SERVER_URL: '" + url + "' is not an http(s) URL");
        }
        if (!trendAsNativeHistogram && trendStats.isEmpty()) {
            throw new IllegalArgumentException("K6_PROMETHEUS_RW_TREND_STATS: trend stats resolver is empty");
        }
        for (String stat : trendStats) {
            if (!PLAIN_STATS.contains(stat) && Double.isNaN(TrendSink.percentileOf(stat))) {
                throw new IllegalArgumentException("K6_PROMETHEUS_RW_TREND_STATS: '" + stat
                        + "' is not a trend stat (avg, min, max, med, count, sum or p(N))");
            }
        }
        if ((clientCertificate == null) != (clientCertificateKey == null)) {
            throw new IllegalArgumentException("K6_PROMETHEUS_RW_CLIENT_CERTIFICATE and _KEY go together: set both");
        }
    }

    private static final class Builder {
        URI url = URI.create("http://localhost:9090/api/v1/write");
        final Map<String, String> headers = new LinkedHashMap<>();
        boolean insecure;
        String username;
        String password = "";
        String clientCertificate;
        String clientCertificateKey;
        String bearerToken;
        Duration pushInterval = Duration.ofSeconds(5);
        boolean nativeHistogram;
        List<String> trendStats = List.of("p(99)");
        boolean staleMarkers;

        void set(String where, String key, String value) {
            switch (key) {
                case "url" -> {
                    try {
                        url = URI.create(value.trim());
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(where + ": '" + value + "' is not a URL");
                    }
                }
                case "insecureSkipTLSVerify" -> insecure = SettingValues.bool(where, value);
                case "username" -> username = value;
                case "password" -> password = value;
                case "clientCertificate" -> clientCertificate = value;
                case "clientCertificateKey" -> clientCertificateKey = value;
                case "bearerToken" -> bearerToken = value;
                case "pushInterval" -> pushInterval = SettingValues.duration(where, value);
                case "trendAsNativeHistogram" -> nativeHistogram = SettingValues.bool(where, value);
                case "staleMarkers" -> staleMarkers = SettingValues.bool(where, value);
                case "trendStats" -> trendStats = SettingValues.list(value);
                default -> {
                    if (!key.startsWith("headers.")) {
                        throw new IllegalArgumentException("\"" + key + "\" is an unknown option's key");
                    }
                    headers.put(key.substring("headers.".length()), value);
                }
            }
        }
    }
}
