package dev.weft.output.influxdb;

import dev.weft.output.push.SettingValues;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The influxdb outputs' settings, from (lowest to highest precedence) defaults, the
 * {@code K6_INFLUXDB_*} environment and the {@code --out influxdb=URL} argument, as k6 reads
 * them: {@code http://user:password@host:8086/db?precision=s&retention=rp&tagsAsFields=vu:int}
 * for v1, {@code http://host:8086/bucket?organization=..&token=..} for v2.
 *
 * @param v2           InfluxDB 2.x API (org, bucket, token) instead of 1.x (db, retention)
 * @param addr         scheme://host:port ({@code K6_INFLUXDB_ADDR}; http://localhost:8086)
 * @param db           v1 database ({@code K6_INFLUXDB_DB}; k6), created at start as k6 does
 * @param retention    v1 retention policy ({@code K6_INFLUXDB_RETENTION}), empty for the default
 * @param consistency  v1 write consistency ({@code K6_INFLUXDB_CONSISTENCY}), empty for the server's
 * @param precision    timestamp precision ({@code K6_INFLUXDB_PRECISION}): ns (default), us, ms, s, m, h
 * @param tagsAsFields tags written as fields, each {@code name[:string|int|float|bool]}
 *                     ({@code K6_INFLUXDB_TAGS_AS_FIELDS}; vu,iter,url)
 * @param organization v2 organization ({@code K6_INFLUXDB_ORGANIZATION})
 * @param bucket       v2 bucket ({@code K6_INFLUXDB_BUCKET})
 * @param token        v2 API token ({@code K6_INFLUXDB_TOKEN})
 */
public record InfluxConfig(boolean v2, String addr, String username, String password, boolean insecure,
        Duration pushInterval, int concurrentWrites, String db, String retention, String consistency,
        String precision, List<String> tagsAsFields, String organization, String bucket, String token) {
    static final Set<String> PRECISIONS = Set.of("ns", "us", "µs", "ms", "s", "m", "h");
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    public InfluxConfig {
        tagsAsFields = List.copyOf(tagsAsFields);
    }

    /** @throws IllegalArgumentException naming the setting that is wrong */
    public static InfluxConfig from(boolean v2, Map<String, String> env, String argument) {
        Builder b = new Builder(v2);
        Map<String, String> e = env == null ? Map.of() : env;
        String[][] vars = {{"K6_INFLUXDB_ADDR", "addr"}, {"K6_INFLUXDB_USERNAME", "username"},
            {"K6_INFLUXDB_PASSWORD", "password"}, {"K6_INFLUXDB_INSECURE", "insecure"},
            {"K6_INFLUXDB_PUSH_INTERVAL", "pushInterval"}, {"K6_INFLUXDB_CONCURRENT_WRITES", "concurrentWrites"},
            {"K6_INFLUXDB_DB", "db"}, {"K6_INFLUXDB_RETENTION", "retention"},
            {"K6_INFLUXDB_CONSISTENCY", "consistency"}, {"K6_INFLUXDB_PRECISION", "precision"},
            {"K6_INFLUXDB_TAGS_AS_FIELDS", "tagsAsFields"}, {"K6_INFLUXDB_ORGANIZATION", "organization"},
            {"K6_INFLUXDB_BUCKET", "bucket"}, {"K6_INFLUXDB_TOKEN", "token"},
            {"K6_INFLUXDB_INSECURE_SKIP_TLS_VERIFY", "insecure"}};
        for (String[] v : vars) {
            if (e.get(v[0]) != null) {
                b.set(v[0], v[1], e.get(v[0]));
            }
        }
        String arg = argument == null ? "" : argument.trim();
        if (!arg.isEmpty()) {
            b.url(arg);
        }
        InfluxConfig c = new InfluxConfig(v2, b.addr, b.username, b.password, b.insecure, b.pushInterval,
                b.concurrentWrites, b.db, b.retention, b.consistency, b.precision, b.tagsAsFields, b.organization,
                b.bucket, b.token);
        c.validate();
        return c;
    }

    void validate() {
        if (addr.startsWith("udp://")) {
            throw new IllegalArgumentException("K6_INFLUXDB_ADDR: udp:// is not supported, use http:// or https://");
        }
        URI uri;
        try {
            uri = new URI(addr);
        } catch (URISyntaxException ex) {
            throw new IllegalArgumentException("K6_INFLUXDB_ADDR: '" + addr + "' is not a URL");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("K6_INFLUXDB_ADDR: '" + addr + "' is not an http:// or https:// URL");
        }
        if (!precision.isEmpty() && !PRECISIONS.contains(precision)) {
            throw new IllegalArgumentException("K6_INFLUXDB_PRECISION: '" + precision
                    + "' is not one of ns, us, ms, s, m, h");
        }
        if (v2 && (precision.equals("m") || precision.equals("h"))) {
            throw new IllegalArgumentException("K6_INFLUXDB_PRECISION: InfluxDB 2 takes ns, us, ms or s");
        }
        if (concurrentWrites < 1) {
            throw new IllegalArgumentException("K6_INFLUXDB_CONCURRENT_WRITES: influxdb's ConcurrentWrites must be a "
                    + "positive number");
        }
        InfluxLines.fieldKinds(tagsAsFields);
        if (v2) {
            require(organization, "K6_INFLUXDB_ORGANIZATION", "organization");
            require(bucket, "K6_INFLUXDB_BUCKET", "bucket");
            require(token, "K6_INFLUXDB_TOKEN", "token");
        } else if (db.isBlank()) {
            throw new IllegalArgumentException("K6_INFLUXDB_DB: the database name is empty");
        }
    }

    private static void require(String value, String var, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(var + ": InfluxDB 2 needs an " + what + " (or ?" + what
                    + "= in the --out URL)");
        }
    }

    private static final class Builder {
        final boolean v2;
        String addr = "http://localhost:8086";
        String username = "";
        String password = "";
        boolean insecure;
        Duration pushInterval = Duration.ofSeconds(1);
        int concurrentWrites = 4;
        String db = "k6";
        String retention = "";
        String consistency = "";
        String precision = "";
        List<String> tagsAsFields = List.of("vu", "iter", "url");
        String organization = "";
        String bucket = "";
        String token = "";

        Builder(boolean v2) {
            this.v2 = v2;
        }

        void set(String where, String key, String value) {
            switch (key) {
                case "addr" -> addr = value.trim();
                case "username" -> username = value;
                case "password" -> password = value;
                case "insecure", "insecureSkipTLSVerify" -> insecure = SettingValues.bool(where, value);
                case "pushInterval" -> pushInterval = SettingValues.duration(where, value);
                case "concurrentWrites" -> concurrentWrites = SettingValues.atLeast(where, value, 1);
                case "db" -> db = value.trim();
                case "retention" -> retention = value.trim();
                case "consistency" -> consistency = value.trim();
                case "precision" -> precision = value.trim();
                case "tagsAsFields" -> {
                    List<String> list = SettingValues.list(value);
                    if (!list.isEmpty()) {
                        tagsAsFields = list;
                    }
                }
                case "organization" -> organization = value.trim();
                case "bucket" -> bucket = value.trim();
                case "token" -> token = value.trim();
                default -> throw new IllegalArgumentException(where + ": unknown query parameter: " + key);
            }
        }

        /** k6's ParseURL: scheme://user:password@host/db-or-bucket?key=value&... */
        void url(String text) {
            URI u;
            try {
                u = new URI(text);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("'" + text + "' is not a URL: " + e.getReason());
            }
            if (u.getHost() != null) {
                addr = u.getScheme() + "://" + (u.getHost().contains(":") ? "[" + u.getHost() + "]" : u.getHost())
                        + (u.getPort() < 0 ? "" : ":" + u.getPort());
            }
            String path = u.getPath() == null ? "" : u.getPath().replaceFirst("^/", "");
            if (!path.isEmpty()) {
                if (v2) {
                    bucket = path;
                } else {
                    db = path;
                }
            }
            if (u.getRawUserInfo() != null) {
                String[] up = u.getRawUserInfo().split(":", 2);
                username = decode(up[0]);
                password = up.length > 1 ? decode(up[1]) : "";
            }
            if (u.getRawQuery() == null) {
                return;
            }
            List<String> fields = new ArrayList<>();
            for (String pair : u.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                switch (key) {
                    case "payload_size" -> SettingValues.atLeast("--out influxdb payload_size", value, 1);
                    case "tagsAsFields" -> fields.add(value);
                    case "insecure" -> {
                        if (!value.isEmpty()) {
                            if (!value.equals("true") && !value.equals("false")) {
                                throw new IllegalArgumentException("insecure must be true or false, not " + value);
                            }
                            insecure = Boolean.parseBoolean(value);
                        }
                    }
                    case "precision", "retention", "consistency", "pushInterval", "concurrentWrites" ->
                            set("--out influxdb URL", key, value);
                    case "organization", "bucket", "token" -> {
                        if (!v2) {
                            throw new IllegalArgumentException("unknown query parameter: " + key
                                    + " (InfluxDB 2's settings belong to --out xk6-influxdb)");
                        }
                        set("--out xk6-influxdb URL", key, value);
                    }
                    default -> throw new IllegalArgumentException("unknown query parameter: " + key);
                }
            }
            if (!fields.isEmpty()) {
                tagsAsFields = fields;
            }
        }

        private static String decode(String s) {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        }
    }
}
