package dev.weft.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CookieJarTest {
    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final CookieJar jar = new CookieJar(clock);

    private void receive(String url, String... setCookies) throws HttpFailure {
        jar.storeAll(HttpUrl.parse(url), List.of(setCookies));
    }

    @Test
    void aHostOnlyCookieGoesOnlyToItsHost() throws HttpFailure {
        receive("http://example.test/", "a=1");

        assertThat(jar.cookiesForUrl("http://example.test/x")).containsEntry("a", List.of("1"));
        assertThat(jar.cookiesForUrl("http://sub.example.test/")).isEmpty();
    }

    @Test
    void aDomainCookieGoesToSubdomainsButNotToOtherDomains() throws HttpFailure {
        receive("http://www.example.test/", "a=1; Domain=.example.test", "b=2; Domain=other.test");

        assertThat(jar.cookiesForUrl("http://api.example.test/")).containsOnlyKeys("a");
        assertThat(jar.cookiesForUrl("http://notexample.test/")).isEmpty();
        assertThat(jar.cookiesForUrl("http://other.test/")).isEmpty();
    }

    @Test
    void pathsMatchOnSegmentBoundariesAndLongerPathsComeFirst() throws HttpFailure {
        receive("http://example.test/", "root=1; Path=/", "api=2; Path=/api");

        assertThat(jar.cookiesFor(HttpUrl.parse("http://example.test/api/users")))
                .extracting(Cookie::name).containsExactly("api", "root");
        assertThat(jar.cookiesForUrl("http://example.test/apiary")).containsOnlyKeys("root");
    }

    @Test
    void withoutAPathTheDefaultIsTheRequestsDirectory() throws HttpFailure {
        receive("http://example.test/docs/page", "d=1");

        assertThat(jar.cookiesForUrl("http://example.test/docs/other")).containsOnlyKeys("d");
        assertThat(jar.cookiesForUrl("http://example.test/")).isEmpty();
    }

    @Test
    void cookiesExpireByMaxAgeWhichWinsOverExpires() throws HttpFailure {
        receive("http://example.test/", "short=1; Max-Age=60; Expires=Wed, 01 Jan 2031 00:00:00 GMT",
                "dated=1; Expires=Thu, 01-Jan-2026 00:10:00 GMT");

        clock.now = clock.now.plusSeconds(120);
        assertThat(jar.cookiesForUrl("http://example.test/")).containsOnlyKeys("dated");
        clock.now = clock.now.plusSeconds(600);
        assertThat(jar.cookiesForUrl("http://example.test/")).isEmpty();
    }

    @Test
    void anExpiryInThePastDeletesTheCookie() throws HttpFailure {
        receive("http://example.test/", "a=1");
        receive("http://example.test/", "a=; Max-Age=0");

        assertThat(jar.all()).isEmpty();
    }

    @Test
    void secureCookiesGoOnlyOverHttps() throws HttpFailure {
        receive("https://example.test/", "s=1; Secure", "p=2");

        assertThat(jar.cookiesForUrl("http://example.test/")).containsOnlyKeys("p");
        assertThat(jar.cookiesForUrl("https://example.test/")).containsOnlyKeys("s", "p");
    }

    @Test
    void setReplacesTheSameNameDomainAndPath() {
        jar.set("http://example.test/", new SetCookie("a", "1", "", "/", null, null, false, false, ""));
        jar.set("http://example.test/", new SetCookie("a", "2", "", "/", null, null, false, false, ""));

        assertThat(jar.cookiesForUrl("http://example.test/")).containsEntry("a", List.of("2"));
    }

    @Test
    void deleteAndClearRemoveWhatAUrlWouldReceive() throws HttpFailure {
        receive("http://example.test/", "a=1", "b=2");
        receive("http://other.test/", "c=3");

        jar.delete("http://example.test/", "a");
        assertThat(jar.cookiesForUrl("http://example.test/")).containsOnlyKeys("b");
        jar.clear("http://example.test/");
        assertThat(jar.cookiesForUrl("http://example.test/")).isEmpty();
        assertThat(jar.cookiesForUrl("http://other.test/")).containsOnlyKeys("c");
        jar.clearAll();
        assertThat(jar.all()).isEmpty();
    }

    @Test
    void setCookieAttributesAreParsed() {
        SetCookie c = SetCookie.parse("id=\"abc\"; Domain=.Example.test; Path=/p; Secure; HttpOnly; SameSite=Lax;"
                + " Max-Age=10; Expires=Sun, 06 Nov 1994 08:49:37 GMT");

        assertThat(c).isEqualTo(new SetCookie("id", "abc", "example.test", "/p",
                Instant.parse("1994-11-06T08:49:37Z"), 10L, true, true, "Lax"));
    }
}
