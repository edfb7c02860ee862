package dev.weft.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HttpUrlTest {
    @Test
    void anHttpsUrlWithCredentialsPortAndQueryIsSplit() throws HttpFailure {
        HttpUrl u = HttpUrl.parse("https://bob:pw@Example.test:8443/a/b?x=1#frag");

        assertThat(u.scheme()).isEqualTo("https");
        assertThat(u.userInfo()).isEqualTo("bob:pw");
        assertThat(u.host()).isEqualTo("Example.test");
        assertThat(u.port()).isEqualTo(8443);
        assertThat(u.target()).isEqualTo("/a/b?x=1");
        assertThat(u.hostHeader()).isEqualTo("Example.test:8443");
        assertThat(u.origin()).isEqualTo("https://example.test:8443");
        assertThat(u.clean()).isEqualTo("https://****:****@Example.test:8443/a/b?x=1");
    }

    @Test
    void defaultsFillAMissingPathAndPort() throws HttpFailure {
        HttpUrl u = HttpUrl.parse("http://[::1]?q");

        assertThat(u.host()).isEqualTo("::1");
        assertThat(u.port()).isEqualTo(80);
        assertThat(u.target()).isEqualTo("/?q");
        assertThat(u.hostHeader()).isEqualTo("[::1]");
    }

    @Test
    void spacesAndNonAsciiInThePathArePercentEncoded() throws HttpFailure {
        assertThat(HttpUrl.parse("http://h/a b/é").target()).isEqualTo("/a%20b/%C3%A9");
    }

    @ParameterizedTest(name = "{1} from {0}")
    @CsvSource({
        "http://h/a/b/c, /x, http://h/x",
        "http://h/a/b/c, d, http://h/a/b/d",
        "http://h/a/b/c, ../d, http://h/a/d",
        "http://h/a/b/c, ?q=1, http://h/a/b/c?q=1",
        "http://h:81/a, //other/p, http://other/p",
        "http://h/a, https://s/p, https://s/p",
    })
    void locationsResolveAgainstTheRequestUrl(String base, String location, String expected) throws HttpFailure {
        assertThat(HttpUrl.parse(base).resolve(location).text()).isEqualTo(expected);
    }

    @Test
    void unsupportedSchemesAndBrokenAuthoritiesAreInvalid() {
        assertThatThrownBy(() -> HttpUrl.parse("ftp://h/")).isInstanceOf(HttpFailure.class);
        assertThatThrownBy(() -> HttpUrl.parse("http://h:99999/")).isInstanceOf(HttpFailure.class);
        assertThatThrownBy(() -> HttpUrl.parse("no-scheme")).isInstanceOf(HttpFailure.class);
    }
}
