package dev.weft.js.module.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.weft.http.HttpClientConfig;
import dev.weft.http.TlsAuth;
import dev.weft.http.TlsVersion;
import dev.weft.options.OptionsException;
import dev.weft.options.TestOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the test-wide HTTP options into an {@link HttpClientConfig}; see {@link HttpModule#engineConfig}.
 * Proxies are not options: they come from the process environment, which the CLI adds with
 * {@link HttpClientConfig#withProxyEnv}.
 */
final class EngineOptions {
    /** k6's default {@code batchPerHost}. */
    static final int DEFAULT_BATCH_PER_HOST = 6;

    private EngineOptions() {
    }

    static HttpClientConfig read(TestOptions options) {
        TlsVersion[] tls = tlsVersions(options);
        String userAgent = options.get("userAgent").map(v -> text("userAgent", v))
                .orElse(HttpModule.DEFAULT_USER_AGENT);
        long perHost = options.integer("batchPerHost").orElse((long) DEFAULT_BATCH_PER_HOST);
        if (perHost == 0) {
            // k6 reads 0 as "no per-host limit": the batch size is then the only bound
            perHost = options.integer("batch").orElse((long) HttpSettings.DEFAULT_BATCH);
        }
        return new HttpClientConfig(hosts(options), options.bool("insecureSkipTLSVerify"), tls[0], tls[1],
                cipherSuites(options), userAgent, options.bool("noConnectionReuse"),
                options.bool("noVUConnectionReuse"), Duration.ofSeconds(30), (int) Math.max(1, perHost))
                .withTlsAuth(tlsAuth(options));
    }

    /**
     * k6's {@code tlsAuth}: [{domains: [...], cert: PEM, key: PEM, password?: string}]. The key is
     * read (and decrypted with the password) when the engine is built, which refuses a bad entry.
     */
    private static List<TlsAuth> tlsAuth(TestOptions options) {
        List<TlsAuth> out = new ArrayList<>();
        options.get("tlsAuth").ifPresent(v -> {
            if (!v.isJsonArray()) {
                throw new OptionsException("option \"tlsAuth\" must be a list of {domains, cert, key}");
            }
            for (JsonElement e : v.getAsJsonArray()) {
                if (!e.isJsonObject() || !e.getAsJsonObject().has("cert") || !e.getAsJsonObject().has("key")) {
                    throw new OptionsException("option \"tlsAuth\": each entry needs cert and key");
                }
                JsonObject o = e.getAsJsonObject();
                List<String> domains = new ArrayList<>();
                if (o.has("domains")) {
                    if (!o.get("domains").isJsonArray()) {
                        throw new OptionsException("option \"tlsAuth\": domains must be a list of host names");
                    }
                    o.getAsJsonArray("domains").forEach(d -> domains.add(text("tlsAuth.domains", d)));
                }
                out.add(new TlsAuth(domains, text("tlsAuth.cert", o.get("cert")), text("tlsAuth.key", o.get("key")),
                        password(o.get("password"))));
            }
        });
        return out;
    }

    /** Absent or null: no password (k6's null.String); any string, even "", is a password. */
    private static String password(JsonElement v) {
        if (v == null || v.isJsonNull()) {
            return null;
        }
        if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
            throw new OptionsException("option \"tlsAuth.password\" must be a string, not " + v);
        }
        return v.getAsString();
    }

    private static Map<String, String> hosts(TestOptions options) {
        Map<String, String> hosts = new LinkedHashMap<>();
        options.get("hosts").ifPresent(h -> {
            if (!h.isJsonObject()) {
                throw new OptionsException("option \"hosts\" must be an object of host names to addresses");
            }
            for (Map.Entry<String, JsonElement> e : h.getAsJsonObject().entrySet()) {
                hosts.put(e.getKey(), text("hosts." + e.getKey(), e.getValue()));
            }
        });
        return hosts;
    }

    /** {@code "tls1.2"} pins one version; {@code {min: "tls1.2", max: "tls1.3"}} gives a range. */
    private static TlsVersion[] tlsVersions(TestOptions options) {
        JsonElement v = options.get("tlsVersion").orElse(null);
        if (v == null) {
            return new TlsVersion[2];
        }
        try {
            if (v.isJsonPrimitive()) {
                TlsVersion one = TlsVersion.fromK6(v.getAsString());
                return new TlsVersion[] {one, one};
            }
            if (v.isJsonObject()) {
                JsonObject o = v.getAsJsonObject();
                TlsVersion min = o.has("min") ? TlsVersion.fromK6(o.get("min").getAsString()) : null;
                TlsVersion max = o.has("max") ? TlsVersion.fromK6(o.get("max").getAsString()) : null;
                if (min != null && max != null && min.compareTo(max) > 0) {
                    throw new OptionsException("option \"tlsVersion\": min is above max");
                }
                return new TlsVersion[] {min, max};
            }
        } catch (IllegalArgumentException | UnsupportedOperationException | IllegalStateException e) {
            throw new OptionsException("option \"tlsVersion\": " + e.getMessage());
        }
        throw new OptionsException("option \"tlsVersion\" must be a version such as \"tls1.2\" or {min, max}");
    }

    private static List<String> cipherSuites(TestOptions options) {
        List<String> suites = new ArrayList<>();
        options.get("tlsCipherSuites").ifPresent(v -> {
            if (!v.isJsonArray()) {
                throw new OptionsException("option \"tlsCipherSuites\" must be a list of cipher suite names");
            }
            v.getAsJsonArray().forEach(s -> suites.add(text("tlsCipherSuites", s)));
        });
        return suites;
    }

    private static String text(String name, JsonElement v) {
        if (!v.isJsonPrimitive()) {
            throw new OptionsException("option \"" + name + "\" must be a string, not " + v);
        }
        return v.getAsString();
    }
}
