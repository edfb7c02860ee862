package dev.weft.js.module.redis;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads {@code new redis.Client(...)}'s argument as xk6-redis does: a {@code redis://} or
 * {@code rediss://} URL (go-redis's ParseURL, query options included), or an options object
 * whose unknown fields are errors ({@code socket}, credentials, {@code cluster.nodes},
 * {@code masterName} for sentinels). Failures carry k6's wording after "invalid options; reason: ".
 * Stateless; called on the VU's thread.
 */
final class RedisOptionsReader {
    private static final Set<String> SINGLE = Set.of("socket", "username", "password", "clientName", "database",
            "maxRetries", "minRetryBackoff", "maxRetryBackoff");
    private static final Set<String> SENTINEL = union(SINGLE, Set.of("masterName", "sentinelUsername",
            "sentinelPassword"));
    private static final Set<String> CLUSTER = Set.of("maxRedirects", "readOnly", "routeByLatency",
            "routeRandomly", "nodes");
    private static final Set<String> SOCKET = Set.of("host", "port", "tls", "dialTimeout", "readTimeout",
            "writeTimeout", "poolSize", "minIdleConns", "maxConnAge", "poolTimeout", "idleTimeout",
            "idleCheckFrequency");
    private static final Set<String> TLS = Set.of("ca", "cert", "key");

    private RedisOptionsReader() {
    }

    /** From a URL string. */
    static RedisOptions fromUrl(String url) {
        try {
            Builder b = new Builder();
            b.node(url);
            return b.build(RedisOptions.Mode.SINGLE);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /** From the JSON text of an options object (what k6 marshals before decoding it strictly). */
    static RedisOptions fromJson(String json) {
        try {
            JsonObject obj = JsonParser.parseString(json).getAsJsonObject();
            Builder b = new Builder();
            if (obj.has("cluster") && obj.get("cluster").isJsonObject()) {
                JsonObject cluster = obj.getAsJsonObject("cluster");
                JsonElement nodes = cluster.get("nodes");
                if (nodes == null || !nodes.isJsonArray()) {
                    throw new IllegalArgumentException("cluster nodes property must be an array; got "
                            + goType(nodes));
                }
                JsonArray list = nodes.getAsJsonArray();
                if (list.isEmpty()) {
                    throw new IllegalArgumentException("cluster nodes property cannot be empty");
                }
                boolean objects = list.get(0).isJsonObject();
                if (!objects && !isString(list.get(0))) {
                    throw new IllegalArgumentException("cluster nodes array must contain string or object elements; "
                            + "got " + goType(list.get(0)));
                }
                String type = objects ? "clusterNodesMapOptions" : "clusterNodesStringOptions";
                known(cluster, CLUSTER, type, "");
                b.maxRedirects = intField(cluster, "maxRedirects", type);
                b.readOnly = boolField(cluster, "readOnly", type);
                boolField(cluster, "routeByLatency", type);
                boolField(cluster, "routeRandomly", type);
                for (JsonElement n : list) {
                    if (objects) {
                        if (!n.isJsonObject()) {
                            throw unmarshal(n, type + ".nodes", "redis.singleNodeOptions");
                        }
                        known(n.getAsJsonObject(), SINGLE, type, "nodes.");
                        b.single(n.getAsJsonObject(), type, "nodes.");
                    } else {
                        if (!isString(n)) {
                            throw unmarshal(n, type + ".nodes", "string");
                        }
                        b.node(n.getAsString());
                    }
                }
                return b.build(RedisOptions.Mode.CLUSTER);
            }
            if (obj.has("masterName")) {
                known(obj, SENTINEL, "sentinelOptions", "");
                b.single(obj, "sentinelOptions", "");
                b.masterName = stringField(obj, "masterName", "sentinelOptions");
                b.sentinelUsername = stringField(obj, "sentinelUsername", "sentinelOptions");
                b.sentinelPassword = stringField(obj, "sentinelPassword", "sentinelOptions");
                return b.build(RedisOptions.Mode.SENTINEL);
            }
            known(obj, SINGLE, "singleNodeOptions", "");
            b.single(obj, "singleNodeOptions", "");
            return b.build(RedisOptions.Mode.SINGLE);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static IllegalArgumentException invalid(String reason) {
        return new IllegalArgumentException("invalid options; reason: " + reason);
    }

    private static void known(JsonObject obj, Set<String> allowed, String type, String path) {
        for (String k : obj.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException("json: unknown field \"" + k + "\"");
            }
        }
    }

    private static boolean isString(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }

    private static String goType(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "<nil>";
        }
        if (e.isJsonArray()) {
            return "[]interface {}";
        }
        if (e.isJsonObject()) {
            return "map[string]interface {}";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        return p.isString() ? "string" : p.isBoolean() ? "bool" : "float64";
    }

    private static String jsonKind(JsonElement e) {
        if (e.isJsonArray()) {
            return "array";
        }
        if (e.isJsonObject()) {
            return "object";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        return p.isString() ? "string" : p.isBoolean() ? "bool" : "number";
    }

    private static IllegalArgumentException unmarshal(JsonElement value, String field, String goType) {
        return new IllegalArgumentException("json: cannot unmarshal " + jsonKind(value) + " into Go struct field "
                + field + " of type " + goType);
    }

    private static JsonElement present(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : e;
    }

    private static String stringField(JsonObject o, String name, String type) {
        JsonElement e = present(o, name);
        if (e == null) {
            return "";
        }
        if (!isString(e)) {
            throw unmarshal(e, type + "." + name, "string");
        }
        return e.getAsString();
    }

    private static long longField(JsonObject o, String name, String type) {
        JsonElement e = present(o, name);
        if (e == null) {
            return 0;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw unmarshal(e, type + "." + name, "int64");
        }
        double d = e.getAsDouble();
        if (d != Math.rint(d)) {
            throw new IllegalArgumentException("json: cannot unmarshal number " + e.getAsString()
                    + " into Go struct field " + type + "." + name + " of type int64");
        }
        return (long) d;
    }

    private static int intField(JsonObject o, String name, String type) {
        return (int) longField(o, name, type);
    }

    private static boolean boolField(JsonObject o, String name, String type) {
        JsonElement e = present(o, name);
        if (e == null) {
            return false;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw unmarshal(e, type + "." + name, "bool");
        }
        return e.getAsBoolean();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /**
     * Collects the options of every node, checking that they agree as xk6-redis's
     * setConsistentOptions does.
     */
    private static final class Builder {
        final List<RedisOptions.Address> addresses = new ArrayList<>();
        final Map<String, Object> shared = new TreeMap<>();
        RedisOptions.Tls tls;
        String masterName = "";
        String sentinelUsername = "";
        String sentinelPassword = "";
        int maxRedirects;
        boolean readOnly;

        /** One node's options object (socket, credentials, database, retries). */
        void single(JsonObject o, String type, String path) {
            JsonElement socketEl = present(o, "socket");
            if (socketEl == null) {
                throw new IllegalArgumentException("empty socket options");
            }
            if (!socketEl.isJsonObject()) {
                throw unmarshal(socketEl, type + "." + path + "socket", "redis.socketOptions");
            }
            JsonObject socket = socketEl.getAsJsonObject();
            known(socket, SOCKET, type, path + "socket.");
            String st = type + "." + path + "socket";
            addresses.add(new RedisOptions.Address(stringField(socket, "host", st), intField(socket, "port", st)));
            JsonElement tlsEl = present(socket, "tls");
            if (tlsEl != null) {
                if (!tlsEl.isJsonObject()) {
                    throw unmarshal(tlsEl, st + ".tls", "redis.tlsOptions");
                }
                JsonObject t = tlsEl.getAsJsonObject();
                known(t, TLS, type, path + "socket.tls.");
                List<String> ca = new ArrayList<>();
                JsonElement caEl = present(t, "ca");
                if (caEl != null) {
                    if (!caEl.isJsonArray()) {
                        throw unmarshal(caEl, st + ".tls.ca", "[]string");
                    }
                    for (JsonElement c : caEl.getAsJsonArray()) {
                        if (!isString(c)) {
                            throw unmarshal(c, st + ".tls.ca", "string");
                        }
                        ca.add(c.getAsString());
                    }
                }
                if (tls == null) {
                    tls = new RedisOptions.Tls(List.copyOf(ca), stringField(t, "cert", st + ".tls"),
                            stringField(t, "key", st + ".tls"), null);
                }
            }
            agree("db", "database", intField(o, "database", type));
            agree("username", "username", stringField(o, "username", type));
            agree("password", "password", stringField(o, "password", type));
            agree("clientName", "clientName", stringField(o, "clientName", type));
            agree("maxRetries", "maxRetries", intField(o, "maxRetries", type));
            longField(o, "minRetryBackoff", type);
            longField(o, "maxRetryBackoff", type);
            agree("dialTimeout", "dialTimeout", longField(socket, "dialTimeout", st));
            agree("readTimeout", "readTimeout", longField(socket, "readTimeout", st));
            agree("writeTimeout", "writeTimeout", longField(socket, "writeTimeout", st));
            agree("poolSize", "poolSize", intField(socket, "poolSize", st));
            agree("minIdleConns", "minIdleConns", intField(socket, "minIdleConns", st));
            agree("poolTimeout", "poolTimeout", longField(socket, "poolTimeout", st));
            longField(socket, "maxConnAge", st);
            longField(socket, "idleTimeout", st);
            longField(socket, "idleCheckFrequency", st);
        }

        /** One node given as a URL, as go-redis's ParseURL reads it. */
        void node(String url) {
            URI u;
            try {
                u = new URI(url);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("parse \"" + url + "\": " + e.getReason());
            }
            String scheme = u.getScheme() == null ? "" : u.getScheme();
            if (!scheme.equals("redis") && !scheme.equals("rediss")) {
                throw new IllegalArgumentException("redis: invalid URL scheme: " + scheme);
            }
            String host = u.getHost() == null || u.getHost().isEmpty() ? "localhost" : u.getHost();
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port = u.getPort() < 0 ? 6379 : u.getPort();
            addresses.add(new RedisOptions.Address(host, port));
            String user = "";
            String pass = "";
            if (u.getRawUserInfo() != null) {
                String info = u.getRawUserInfo();
                int colon = info.indexOf(':');
                user = decode(colon < 0 ? info : info.substring(0, colon));
                pass = colon < 0 ? "" : decode(info.substring(colon + 1));
            }
            int db = 0;
            String path = u.getPath() == null ? "" : u.getPath();
            List<String> parts = new ArrayList<>();
            for (String p : path.split("/")) {
                if (!p.isEmpty()) {
                    parts.add(p);
                }
            }
            if (parts.size() == 1) {
                try {
                    db = Integer.parseInt(parts.get(0));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("redis: invalid database number: \"" + parts.get(0) + "\"");
                }
            } else if (parts.size() > 1) {
                throw new IllegalArgumentException("redis: invalid URL path: " + path);
            }
            if (scheme.equals("rediss") && tls == null) {
                tls = new RedisOptions.Tls(List.of(), "", "", host);
            }
            Map<String, String> q = query(u.getRawQuery());
            String dbParam = q.remove("db");
            if (dbParam != null && !dbParam.isEmpty()) {
                try {
                    db = Integer.parseInt(dbParam);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("redis: invalid database number: strconv.Atoi: parsing \""
                            + dbParam + "\": invalid syntax");
                }
            }
            agree("db", "db", db);
            agree("username", "username", user);
            agree("password", "password", pass);
            agree("clientName", "clientName", q.getOrDefault("client_name", ""));
            q.remove("client_name");
            agree("maxRetries", "maxRetries", queryInt(q, "max_retries"));
            agree("dialTimeout", "dialTimeout", queryMillis(q, "dial_timeout"));
            agree("readTimeout", "readTimeout", queryMillis(q, "read_timeout"));
            agree("writeTimeout", "writeTimeout", queryMillis(q, "write_timeout"));
            agree("poolSize", "poolSize", queryInt(q, "pool_size"));
            agree("minIdleConns", "minIdleConns", queryInt(q, "min_idle_conns"));
            agree("poolTimeout", "poolTimeout", queryMillis(q, "pool_timeout"));
            for (String ignored : List.of("protocol", "max_idle_conns", "max_active_conns")) {
                queryInt(q, ignored);
            }
            for (String ignored : List.of("min_retry_backoff", "max_retry_backoff", "conn_max_idle_time",
                    "idle_timeout", "conn_max_lifetime", "max_conn_age")) {
                queryMillis(q, ignored);
            }
            String fifo = q.remove("pool_fifo");
            if (fifo != null && !List.of("true", "1", "false", "0", "").contains(fifo)) {
                throw new IllegalArgumentException("redis: invalid pool_fifo boolean: expected true/false/1/0 or an "
                        + "empty string, got \"" + fifo + "\"");
            }
            if (!q.isEmpty()) {
                throw new IllegalArgumentException("redis: unexpected option: " + String.join(", ", q.keySet()));
            }
        }

        private static String decode(String s) {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        }

        private static Map<String, String> query(String raw) {
            Map<String, String> q = new TreeMap<>();
            if (raw == null || raw.isEmpty()) {
                return q;
            }
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                q.put(k, v);
            }
            return q;
        }

        private static int queryInt(Map<String, String> q, String name) {
            String s = q.remove(name);
            if (s == null || s.isEmpty()) {
                return 0;
            }
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("redis: invalid " + name + " number: strconv.Atoi: parsing \""
                        + s + "\": invalid syntax");
            }
        }

        /** go-redis durations: a plain number of seconds (0 or less: none), or a Go duration. */
        private static long queryMillis(Map<String, String> q, String name) {
            String s = q.remove(name);
            if (s == null || s.isEmpty()) {
                return 0;
            }
            try {
                long secs = Long.parseLong(s);
                return secs <= 0 ? -1 : secs * 1000;
            } catch (NumberFormatException e) {
                try {
                    return GoDuration.millis(s);
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException("redis: invalid " + name + " duration: time: invalid duration \""
                            + s + "\"");
                }
            }
        }

        private void agree(String key, String option, Object value) {
            boolean zero = value instanceof String s ? s.isEmpty() : ((Number) value).longValue() == 0;
            Object before = shared.get(key);
            if (before != null && !zero && !before.equals(value)) {
                throw new IllegalArgumentException(key.equals("password") ? "inconsistent password option"
                        : "inconsistent " + option + " option: " + before + " != " + value);
            }
            if (!zero) {
                shared.put(key, value);
            }
        }

        private String str(String key) {
            return (String) shared.getOrDefault(key, "");
        }

        private long num(String key) {
            return ((Number) shared.getOrDefault(key, 0)).longValue();
        }

        RedisOptions build(RedisOptions.Mode mode) {
            return new RedisOptions(mode, List.copyOf(addresses), str("username"), str("password"),
                    str("clientName"), (int) num("db"), (int) num("maxRetries"), num("dialTimeout"),
                    num("readTimeout"), num("writeTimeout"), (int) num("poolSize"), (int) num("minIdleConns"),
                    num("poolTimeout"), tls, masterName, sentinelUsername, sentinelPassword, maxRedirects, readOnly);
        }
    }
}
