package dev.weft.cli.run;

import com.google.gson.JsonElement;
import dev.weft.http.HttpClientConfig;
import dev.weft.options.TestOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/** The HTTP engine's test-wide settings from k6 options (hosts, TLS, user agent, reuse). */
final class HttpEngines {
    private HttpEngines() {
    }

    static HttpClientConfig config(TestOptions options) {
        HttpClientConfig c = HttpClientConfig.defaults()
                .withInsecureSkipTlsVerify(options.bool("insecureSkipTLSVerify"))
                .withConnectionReuse(options.bool("noConnectionReuse"), options.bool("noVUConnectionReuse"));
        if (options.has("userAgent")) {
            c = c.withUserAgent(options.get("userAgent").get().getAsString());
        }
        if (options.has("hosts")) {
            Map<String, String> hosts = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : options.get("hosts").get().getAsJsonObject().entrySet()) {
                hosts.put(e.getKey(), e.getValue().getAsString());
            }
            c = c.withHosts(hosts);
        }
        return c;
    }
}
