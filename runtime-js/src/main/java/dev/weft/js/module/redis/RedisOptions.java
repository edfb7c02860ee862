package dev.weft.js.module.redis;

import java.util.List;

/**
 * What {@code new redis.Client(...)} was given, checked and merged as xk6-redis merges its
 * universal options: one address (single node), several (cluster), or sentinels (with a master
 * name). Timeouts are in milliseconds, 0 meaning the client's default. Immutable.
 *
 * @param mode         which kind of client the options ask for
 * @param addresses    host:port pairs: the node, the cluster's seed nodes or the sentinels
 * @param tls          TLS settings, or null for plain TCP
 * @param masterName   the sentinel master's name (sentinel mode only)
 * @param maxRedirects cluster redirects to follow (0: the client's default)
 */
record RedisOptions(Mode mode, List<Address> addresses, String username, String password, String clientName,
        int database, int maxRetries, long dialTimeoutMillis, long readTimeoutMillis, long writeTimeoutMillis,
        int poolSize, int minIdleConns, long poolTimeoutMillis, Tls tls, String masterName,
        String sentinelUsername, String sentinelPassword, int maxRedirects, boolean readOnly) {

    enum Mode { SINGLE, CLUSTER, SENTINEL }

    /** One node's address. */
    record Address(String host, int port) {
        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /**
     * TLS as xk6-redis takes it: PEM CA certificates to trust (none: the JDK's), an optional
     * client certificate and key (PEM), the server name to check (rediss:// URLs set it).
     */
    record Tls(List<String> ca, String cert, String key, String serverName) {
    }
}
