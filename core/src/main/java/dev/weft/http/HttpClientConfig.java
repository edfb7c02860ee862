package dev.weft.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Test-wide HTTP settings, from k6's options: built once per test by the CLI/runtime and passed to
 * {@link HttpEngine}. TLS settings live here, not on each request, because in k6 they are
 * test-wide options ({@code insecureSkipTLSVerify}, {@code tlsVersion}, {@code tlsCipherSuites}).
 * Immutable.
 *
 * @param hosts                     k6's {@code hosts}: name (or {@code *.domain}) to "ip", "ip:port" or name
 * @param insecureSkipTlsVerify     accept any server certificate and name
 * @param tlsMinVersion             lowest TLS version offered, or null for the JDK's default
 * @param tlsMaxVersion             highest TLS version offered, or null for the JDK's default
 * @param tlsCipherSuites           JDK/IANA suite names to offer, or empty for the JDK's default
 * @param userAgent                 sent when a request has no User-Agent; "" sends none
 * @param noConnectionReuse         k6's {@code noConnectionReuse}: a new connection per request
 * @param noVuConnectionReuse       k6's {@code noVUConnectionReuse}: close connections at iteration end
 * @param dialTimeout               limit for one TCP connect (k6 uses 30 s)
 * @param maxIdleConnectionsPerHost idle connections kept per origin (k6's batchPerHost default 6)
 * @param proxyEnv                  the process environment's proxy variables (HTTP_PROXY, HTTPS_PROXY,
 *                                  NO_PROXY and their lower-case forms), read as Go's
 *                                  {@code http.ProxyFromEnvironment}; empty for no proxy
 * @param tlsAuth                   k6's {@code tlsAuth}: client certificates by domain
 */
public record HttpClientConfig(Map<String, String> hosts, boolean insecureSkipTlsVerify,
                               TlsVersion tlsMinVersion, TlsVersion tlsMaxVersion,
                               List<String> tlsCipherSuites, String userAgent, boolean noConnectionReuse,
                               boolean noVuConnectionReuse, Duration dialTimeout,
                               int maxIdleConnectionsPerHost, Map<String, String> proxyEnv,
                               List<TlsAuth> tlsAuth) {
    public static final String DEFAULT_USER_AGENT = "Grafana k6/1.3.0";

    public HttpClientConfig {
        hosts = hosts == null ? Map.of() : Map.copyOf(hosts);
        proxyEnv = proxyEnv == null ? Map.of() : Map.copyOf(proxyEnv);
        tlsAuth = tlsAuth == null ? List.of() : List.copyOf(tlsAuth);
        tlsCipherSuites = tlsCipherSuites == null ? List.of() : List.copyOf(tlsCipherSuites);
        userAgent = userAgent == null ? DEFAULT_USER_AGENT : userAgent;
        dialTimeout = dialTimeout == null ? Duration.ofSeconds(30) : dialTimeout;
        if (maxIdleConnectionsPerHost < 1) {
            throw new IllegalArgumentException("maxIdleConnectionsPerHost must be at least 1");
        }
        if (tlsMinVersion != null && tlsMaxVersion != null && tlsMinVersion.compareTo(tlsMaxVersion) > 0) {
            throw new IllegalArgumentException("tlsVersion min is above max");
        }
    }

    /** Without proxies or client certificates. */
    public HttpClientConfig(Map<String, String> hosts, boolean insecureSkipTlsVerify, TlsVersion tlsMinVersion,
                            TlsVersion tlsMaxVersion, List<String> tlsCipherSuites, String userAgent,
                            boolean noConnectionReuse, boolean noVuConnectionReuse, Duration dialTimeout,
                            int maxIdleConnectionsPerHost) {
        this(hosts, insecureSkipTlsVerify, tlsMinVersion, tlsMaxVersion, tlsCipherSuites, userAgent,
                noConnectionReuse, noVuConnectionReuse, dialTimeout, maxIdleConnectionsPerHost, Map.of(), List.of());
    }

    /** k6's defaults. */
    public static HttpClientConfig defaults() {
        return new HttpClientConfig(Map.of(), false, null, null, List.of(), DEFAULT_USER_AGENT, false, false,
                Duration.ofSeconds(30), 6, Map.of(), List.of());
    }

    public HttpClientConfig withHosts(Map<String, String> h) {
        return new HttpClientConfig(h, insecureSkipTlsVerify, tlsMinVersion, tlsMaxVersion, tlsCipherSuites,
                userAgent, noConnectionReuse, noVuConnectionReuse, dialTimeout, maxIdleConnectionsPerHost,
                proxyEnv, tlsAuth);
    }

    public HttpClientConfig withInsecureSkipTlsVerify(boolean insecure) {
        return new HttpClientConfig(hosts, insecure, tlsMinVersion, tlsMaxVersion, tlsCipherSuites,
                userAgent, noConnectionReuse, noVuConnectionReuse, dialTimeout, maxIdleConnectionsPerHost,
                proxyEnv, tlsAuth);
    }

    public HttpClientConfig withTlsVersions(TlsVersion min, TlsVersion max) {
        return new HttpClientConfig(hosts, insecureSkipTlsVerify, min, max, tlsCipherSuites,
                userAgent, noConnectionReuse, noVuConnectionReuse, dialTimeout, maxIdleConnectionsPerHost,
                proxyEnv, tlsAuth);
    }

    public HttpClientConfig withUserAgent(String ua) {
        return new HttpClientConfig(hosts, insecureSkipTlsVerify, tlsMinVersion, tlsMaxVersion, tlsCipherSuites,
                ua, noConnectionReuse, noVuConnectionReuse, dialTimeout, maxIdleConnectionsPerHost,
                proxyEnv, tlsAuth);
    }

    /**
     * Proxies from the process environment, as k6 takes them: the CLI passes its environment
     * (only the proxy variables are read).
     */
    public HttpClientConfig withProxyEnv(Map<String, String> env) {
        Map<String, String> proxy = new java.util.HashMap<>();
        for (String k : ProxyEnvironment.VARIABLES) {
            String v = env.get(k);
            if (v != null) {
                proxy.put(k, v);
            }
        }
        return new HttpClientConfig(hosts, insecureSkipTlsVerify, tlsMinVersion, tlsMaxVersion, tlsCipherSuites,
                userAgent, noConnectionReuse, noVuConnectionReuse, dialTimeout, maxIdleConnectionsPerHost,
                proxy, tlsAuth);
    }

    public HttpClientConfig withTlsAuth(List<TlsAuth> certificates) {
        return new HttpClientConfig(hosts, insecureSkipTlsVerify, tlsMinVersion, tlsMaxVersion, tlsCipherSuites,
                userAgent, noConnectionReuse, noVuConnectionReuse, dialTimeout, maxIdleConnectionsPerHost,
                proxyEnv, certificates);
    }

    public HttpClientConfig withConnectionReuse(boolean noReuse, boolean noVuReuse) {
        return new HttpClientConfig(hosts, insecureSkipTlsVerify, tlsMinVersion, tlsMaxVersion, tlsCipherSuites,
                userAgent, noReuse, noVuReuse, dialTimeout, maxIdleConnectionsPerHost,
                proxyEnv, tlsAuth);
    }
}
