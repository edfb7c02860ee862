package dev.weft.js.module.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.weft.http.HttpClientConfig;
import dev.weft.http.TlsVersion;
import dev.weft.options.OptionsException;
import dev.weft.options.TestOptions;
import org.junit.jupiter.api.Test;

class EngineOptionsTest {
    private static HttpClientConfig config(String json) {
        return HttpModule.engineConfig(TestOptions.of(JsonParser.parseString(json).getAsJsonObject()));
    }

    @Test
    void withoutOptionsTheEngineGetsK6sDefaults() {
        HttpClientConfig c = HttpModule.engineConfig(TestOptions.of(new JsonObject()));
        assertThat(c.userAgent()).isEqualTo(HttpModule.DEFAULT_USER_AGENT);
        assertThat(c.insecureSkipTlsVerify()).isFalse();
        assertThat(c.tlsMinVersion()).isNull();
        assertThat(c.tlsMaxVersion()).isNull();
        assertThat(c.hosts()).isEmpty();
        assertThat(c.noConnectionReuse()).isFalse();
        assertThat(c.noVuConnectionReuse()).isFalse();
        assertThat(c.maxIdleConnectionsPerHost()).isEqualTo(6);
    }

    @Test
    void everyConnectionOptionReachesTheEngine() {
        HttpClientConfig c = config("""
                {"hosts": {"test.k6.io": "127.0.0.1:8080"}, "insecureSkipTLSVerify": true,
                 "tlsVersion": {"min": "tls1.2", "max": "tls1.3"}, "tlsCipherSuites": ["TLS_AES_128_GCM_SHA256"],
                 "userAgent": "mine/1", "noConnectionReuse": true, "noVUConnectionReuse": true, "batchPerHost": 3}
                """);
        assertThat(c.hosts()).containsEntry("test.k6.io", "127.0.0.1:8080");
        assertThat(c.insecureSkipTlsVerify()).isTrue();
        assertThat(c.tlsMinVersion()).isEqualTo(TlsVersion.TLS1_2);
        assertThat(c.tlsMaxVersion()).isEqualTo(TlsVersion.TLS1_3);
        assertThat(c.tlsCipherSuites()).containsExactly("TLS_AES_128_GCM_SHA256");
        assertThat(c.userAgent()).isEqualTo("mine/1");
        assertThat(c.noConnectionReuse()).isTrue();
        assertThat(c.noVuConnectionReuse()).isTrue();
        assertThat(c.maxIdleConnectionsPerHost()).isEqualTo(3);
    }

    @Test
    void aSingleTlsVersionPinsBothEnds() {
        HttpClientConfig c = config("{\"tlsVersion\": \"tls1.2\"}");
        assertThat(c.tlsMinVersion()).isEqualTo(TlsVersion.TLS1_2);
        assertThat(c.tlsMaxVersion()).isEqualTo(TlsVersion.TLS1_2);
    }

    @Test
    void anEmptyUserAgentSendsNone() {
        assertThat(config("{\"userAgent\": \"\"}").userAgent()).isEmpty();
    }

    @Test
    void badValuesAreOptionErrorsNamingTheOption() {
        assertThatThrownBy(() -> config("{\"tlsVersion\": \"tls9\"}")).isInstanceOf(OptionsException.class)
                .hasMessageContaining("tlsVersion");
        assertThatThrownBy(() -> config("{\"tlsVersion\": {\"min\": \"tls1.3\", \"max\": \"tls1.2\"}}"))
                .isInstanceOf(OptionsException.class).hasMessageContaining("min is above max");
        assertThatThrownBy(() -> config("{\"hosts\": [\"a\"]}")).isInstanceOf(OptionsException.class)
                .hasMessageContaining("hosts");
    }

    @Test
    void tlsAuthEntriesReachTheEngine() {
        HttpClientConfig c = config("""
                {"tlsAuth": [{"domains": ["example.com", "*.test"], "cert": "CERT PEM", "key": "KEY PEM"}]}
                """);
        assertThat(c.tlsAuth()).hasSize(1);
        assertThat(c.tlsAuth().get(0).domains()).containsExactly("example.com", "*.test");
        assertThat(c.tlsAuth().get(0).certPem()).isEqualTo("CERT PEM");
        assertThat(c.tlsAuth().get(0).keyPem()).isEqualTo("KEY PEM");
    }

    @Test
    void aTlsAuthPasswordReachesTheEngineAndOnlyAStringIsOne() {
        String entry = "{\"tlsAuth\": [{\"domains\": [\"a\"], \"cert\": \"c\", \"key\": \"k\"%s}]}";
        assertThat(config(entry.formatted(", \"password\": \"p\"")).tlsAuth().get(0).password()).isEqualTo("p");
        assertThat(config(entry.formatted(", \"password\": \"\"")).tlsAuth().get(0).password()).isEmpty();
        assertThat(config(entry.formatted(", \"password\": null")).tlsAuth().get(0).password()).isNull();
        assertThat(config(entry.formatted("")).tlsAuth().get(0).password()).isNull();
        assertThatThrownBy(() -> config(entry.formatted(", \"password\": 12345")))
                .isInstanceOf(OptionsException.class).hasMessageContaining("tlsAuth.password");
    }

    @Test
    void tlsAuthWithoutAKeyIsAnOptionsError() {
        assertThatThrownBy(() -> config("{\"tlsAuth\": [{\"cert\": \"c\"}]}"))
                .isInstanceOf(OptionsException.class).hasMessageContaining("cert and key");
    }

    @Test
    void proxiesComeFromTheEnvironmentTheCliPasses() {
        HttpClientConfig c = config("{}").withProxyEnv(java.util.Map.of("HTTPS_PROXY", "proxy:3128", "PATH", "/bin"));
        assertThat(c.proxyEnv()).containsExactly(java.util.Map.entry("HTTPS_PROXY", "proxy:3128"));
        assertThat(config("{}").proxyEnv()).isEmpty();
    }
}
