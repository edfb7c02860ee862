package dev.weft.http;

import static org.assertj.core.api.Assertions.assertThat;

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

    @ParameterizedTest(name = "{0} gives {1}:{2}")
    @CsvSource({
        "proxy.test:3128, proxy.test, 3128",
        "http://proxy.test, proxy.test, 80",
        "http://user:pw@proxy.test:8080, proxy.test, 8080",
    })
    void readsProxyAddresses(String value, String host, int port) throws Exception {
        ProxyEnvironment.Proxy p = new ProxyEnvironment(Map.of("http_proxy", value))
                .forUrl(HttpUrl.parse("http://example.com/"));

        assertThat(p.host()).isEqualTo(host);
        assertThat(p.port()).isEqualTo(port);
        assertThat(p.scheme()).isEqualTo("http");
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
