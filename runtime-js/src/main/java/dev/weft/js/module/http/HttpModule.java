package dev.weft.js.module.http;

import dev.weft.http.HttpClientConfig;
import dev.weft.http.HttpEngine;
import dev.weft.js.module.JsModule;
import dev.weft.js.module.VuScope;
import dev.weft.options.TestOptions;
import java.util.List;
import org.graalvm.polyglot.Value;

/**
 * The {@code k6/http} module. Built once per test (in {@code BuiltinModules}) and shared;
 * {@link #instance} runs once per VU on its thread and gives that VU its own HTTP client and
 * cookie jar over the test's shared {@link HttpEngine} ({@code TestServices.http()}).
 *
 * <p>The CLI builds that engine with {@link #engineConfig(TestOptions)}:
 * <pre>{@code
 * HttpEngine http = new HttpEngine(HttpModule.engineConfig(options), Clock.systemUTC());
 * }</pre>
 */
public final class HttpModule implements JsModule {
    /**
     * The User-Agent sent when the {@code userAgent} option is not set: k6's form, because some
     * servers and WAF rules recognise k6 load tests by it, with Weft named in the comment.
     */
    /** k6 v1.3.0 sends "Grafana k6/1.3.0"; Weft names the k6 version whose behaviour it follows. */
    public static final String DEFAULT_USER_AGENT = "Grafana k6/1.3.0";

    @Override
    public String name() {
        return "k6/http";
    }

    @Override
    public List<String> exportNames() {
        return List.of("get", "head", "post", "put", "patch", "del", "options", "request", "asyncRequest", "batch", "url", "file",
                "cookieJar", "CookieJar", "setResponseCallback", "expectedStatuses", "TLS_1_0", "TLS_1_1",
                "TLS_1_2", "TLS_1_3", "OCSP_STATUS_GOOD", "OCSP_STATUS_REVOKED", "OCSP_STATUS_SERVER_FAILED",
                "OCSP_STATUS_UNKNOWN");
    }

    @Override
    public Object instance(VuScope vu) {
        HttpEngine engine = vu.services().http();
        if (engine == null) {
            throw new IllegalStateException("k6/http needs an HTTP engine in TestServices; build one with "
                    + "HttpModule.engineConfig(options)");
        }
        HttpHost host = new HttpHost(vu, engine, HttpSettings.from(vu.services().options()));
        Value selectPath = vu.scripts().instantiate(vu, "http-select.js", null);
        return vu.scripts().instantiate(vu, "http.js", host.build(selectPath));
    }

    /**
     * The engine settings k6's options ask for: {@code hosts}, {@code insecureSkipTLSVerify},
     * {@code tlsVersion} (a version or {min, max}), {@code tlsCipherSuites}, {@code userAgent}
     * (default {@link #DEFAULT_USER_AGENT}; "" sends none), {@code noConnectionReuse},
     * {@code noVUConnectionReuse} and {@code batchPerHost} (idle connections kept per host,
     * default 6). Connect timeout is k6's 30 s.
     *
     * @throws dev.weft.options.OptionsException when one of them has a bad value
     */
    public static HttpClientConfig engineConfig(TestOptions options) {
        return EngineOptions.read(options);
    }
}
