package dev.weft.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProxyEnvironmentTest {

    @ParameterizedTest(name = "{0} with NO_PROXY \"{1}\" proxied: {2}")
    @CsvSource(delimiter = '|', value = {
        "http://example.com/       |                       | true",
        "http://localhost:8080/    |                       | false",
        "http://127.0.0.1/         |                       | false",
        "http://[::1]/             |                       | false",
        "http://example.com/       | *                     | false",
        "http://example.com/       | example.com           | false",
        "http://api.example.com/   | example.com           | false",
        "http://notexample.com/    | example.com           | true",
        "http://example.com/       | .example.com          | true",
        "http://api.example.com/   | *.example.com         | false",
        "http://example.com:8080/  | example.com:9090      | true",
        "http://example.com:8080/  | example.com:8080      | false",
        "http://10.1.2.3/          | 10.0.0.0/8            | false",
        "http://11.1.2.3/          | 10.0.0.0/8            | true",
        "http://10.1.2.3/          | 10.1.2.3              | false",
        "http://EXAMPLE.com/       | foo.org, Example.COM  | false",
    })
    void decidesLikeGo(String url, String noProxy, boolean proxied) throws Exception {
        ProxyEnvironment env = new ProxyEnvironment(noProxy == null
                ? Map.of("HTTP_PROXY", "proxy.test:3128")
                : Map.of("HTTP_PROXY", "proxy.test:3128", "NO_PROXY", noProxy));

        assertThat(env.forUrl(HttpUrl.parse(url)) != null).isEqualTo(proxied);
    }

    @ParameterizedTest(name = "{0} gives {1}://{2}:{3}")
    @CsvSource({
        "proxy.test:3128,                 http,    proxy.test, 3128",
        "http://proxy.test,               http,    proxy.test, 80",
        "http://user:pw@proxy.test:8080,  http,    proxy.test, 8080",
        "HTTPS://proxy.test,              https,   proxy.test, 443",
        "https://proxy.test:8443/,        https,   proxy.test, 8443",
        "socks5://proxy.test,             socks5,  proxy.test, 1080",
        "socks5h://u:p@[::1]:9050,        socks5h, ::1,        9050",
    })
    void readsProxyAddresses(String value, String scheme, String host, int port) throws Exception {
        ProxyEnvironment.Proxy p = new ProxyEnvironment(Map.of("http_proxy", value))
                .forUrl(HttpUrl.parse("http://example.com/"));

        assertThat(p.scheme()).isEqualTo(scheme);
        assertThat(p.host()).isEqualTo(host);
        assertThat(p.port()).isEqualTo(port);
        assertThat(p.variable()).isEqualTo("http_proxy");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ftp://proxy.test:21 | HTTPS_PROXY: unsupported proxy scheme \"ftp\" (supported: http, https, socks5, socks5h)",
        "socks4://proxy.test | HTTPS_PROXY: unsupported proxy scheme \"socks4\" (supported: http, https, socks5, socks5h)",
        "http://:8080        | HTTPS_PROXY: invalid proxy address \"http://:8080\"",
    })
    void anUnusableValueFailsTheRequestsItWouldServe(String value, String message) throws Exception {
        ProxyEnvironment env = new ProxyEnvironment(Map.of("HTTPS_PROXY", value, "NO_PROXY", "direct.test"));

        assertThatThrownBy(() -> env.forUrl(HttpUrl.parse("https://example.com/")))
                .isInstanceOf(HttpFailure.class).hasMessage(message);
        assertThat(env.forUrl(HttpUrl.parse("https://direct.test/"))).isNull();
        assertThat(env.forUrl(HttpUrl.parse("http://example.com/"))).isNull();
    }

    @org.junit.jupiter.api.Test
    void socksCredentialsAreNotSentAsProxyAuthorization() throws Exception {
        ProxyEnvironment.Proxy p = new ProxyEnvironment(Map.of("HTTP_PROXY", "socks5://us%20er:p+w@proxy.test"))
                .forUrl(HttpUrl.parse("http://example.com/"));

        assertThat(p.credentials()).isEqualTo(new Credentials("us er", "p+w"));
        assertThat(p.authorization()).isNull();
    }

    @org.junit.jupiter.api.Test
    void userInfoBecomesBasicProxyAuthorization() throws Exception {
        ProxyEnvironment.Proxy p = new ProxyEnvironment(Map.of("HTTP_PROXY", "http://user:pw@proxy.test:8080"))
                .forUrl(HttpUrl.parse("http://example.com/"));

        assertThat(p.authorization()).isEqualTo("Basic dXNlcjpwdw==");
    }

    @org.junit.jupiter.api.Test
    void upperCaseWinsOverLowerCase() throws Exception {
        ProxyEnvironment.Proxy p = new ProxyEnvironment(Map.of("HTTPS_PROXY", "upper.test:1", "https_proxy", "lower.test:2"))
                .forUrl(HttpUrl.parse("https://example.com/"));

        assertThat(p.host()).isEqualTo("upper.test");
    }
}
