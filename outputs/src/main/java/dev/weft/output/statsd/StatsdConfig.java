package dev.weft.output.statsd;

import dev.weft.output.push.SettingValues;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The statsd output's settings, from (lowest to highest precedence) defaults, the environment
 * and the {@code --out statsd=key=value,...} argument (keys as in k6's JSON config).
 *
 * @param host         where the StatsD agent listens ({@code K6_STATSD_ADDR}, {@code addr}; localhost:8125)
 * @param namespace    prefix of every metric name ({@code K6_STATSD_NAMESPACE}, {@code namespace}; {@code k6.})
 * @param pushInterval how often buffered samples are sent ({@code K6_STATSD_PUSH_INTERVAL}, {@code pushInterval}; 1s)
 * @param bufferSize   most lines in one UDP datagram ({@code K6_STATSD_BUFFER_SIZE}, {@code bufferSize}; 20)
 * @param enableTags   send DogStatsD tags {@code |#k:v} ({@code K6_STATSD_ENABLE_TAGS}, {@code enableTags}; false)
 * @param tagBlocklist tags never sent ({@code K6_STATSD_TAG_BLOCKLIST}, {@code tagBlocklist}; vu,iter,url)
 */
public record StatsdConfig(String host, int port, String namespace, Duration pushInterval, int bufferSize,
        boolean enableTags, Set<String> tagBlocklist) {
    /** Largest UDP payload sent, as DogStatsD clients use (fits a 1500-byte Ethernet MTU). */
    static final int MAX_DATAGRAM_BYTES = 1432;

    public StatsdConfig {
        tagBlocklist = Set.copyOf(tagBlocklist);
    }

    /** @throws IllegalArgumentException naming the setting that is wrong */
    public static StatsdConfig from(Map<String, String> env, String argument) {
        Builder b = new Builder();
        if (env != null) {
            b.set("K6_STATSD_ADDR", env.get("K6_STATSD_ADDR"), "addr");
            b.set("K6_STATSD_NAMESPACE", env.get("K6_STATSD_NAMESPACE"), "namespace");
            b.set("K6_STATSD_PUSH_INTERVAL", env.get("K6_STATSD_PUSH_INTERVAL"), "pushInterval");
            b.set("K6_STATSD_BUFFER_SIZE", env.get("K6_STATSD_BUFFER_SIZE"), "bufferSize");
            b.set("K6_STATSD_ENABLE_TAGS", env.get("K6_STATSD_ENABLE_TAGS"), "enableTags");
            b.set("K6_STATSD_TAG_BLOCKLIST", env.get("K6_STATSD_TAG_BLOCKLIST"), "tagBlocklist");
        }
        String arg = argument == null ? "" : argument.trim();
        if (!arg.isEmpty()) {
            for (String pair : arg.split(",(?=[A-Za-z]+=)")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("couldn't parse \"" + pair + "\" as key=value for the statsd output");
                }
                b.set("--out statsd " + pair.substring(0, eq), pair.substring(eq + 1), pair.substring(0, eq));
            }
        }
        StatsdConfig config = new StatsdConfig(b.host, b.port, b.namespace, b.pushInterval, b.bufferSize,
                b.enableTags, b.blocklist);
        config.validate();
        return config;
    }

    void validate() {
        if (host.isBlank()) {
            throw new IllegalArgumentException("K6_STATSD_ADDR: no host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("K6_STATSD_ADDR: port " + port + " is out of range");
        }
        if (bufferSize < 1) {
            throw new IllegalArgumentException("K6_STATSD_BUFFER_SIZE: must be at least 1");
        }
    }

    /** host:port as given. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static final class Builder {
        String host = "localhost";
        int port = 8125;
        String namespace = "k6.";
        Duration pushInterval = Duration.ofSeconds(1);
        int bufferSize = 20;
        boolean enableTags;
        Set<String> blocklist = Set.of("vu", "iter", "url");

        void set(String where, String value, String key) {
            if (value == null) {
                return;
            }
            switch (key) {
                case "addr" -> addr(where, value.trim());
                case "namespace" -> namespace = value;
                case "pushInterval" -> pushInterval = SettingValues.duration(where, value);
                case "bufferSize" -> bufferSize = SettingValues.atLeast(where, value, 1);
                case "enableTags" -> enableTags = SettingValues.bool(where, value);
                case "tagBlocklist" -> blocklist = new TreeSet<>(SettingValues.list(value));
                default -> throw new IllegalArgumentException("unknown key \"" + key + "\" for the statsd output "
                        + "(known: addr, namespace, pushInterval, bufferSize, enableTags, tagBlocklist)");
            }
        }

        private void addr(String where, String value) {
            int colon = value.lastIndexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                throw new IllegalArgumentException(where + ": '" + value + "' is not host:port");
            }
            String h = value.substring(0, colon);
            host = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
            try {
                port = Integer.parseInt(value.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": '" + value + "' has no numeric port");
            }
        }
    }
}
