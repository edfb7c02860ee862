package dev.weft.js.module.http;

import dev.weft.target.LocalTarget;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.weft.target.TargetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Cookies in k6/http: server-set, per-iteration reset, request cookies and the jar API. */
@ExtendWith(LocalTarget.class)
class HttpCookiesTest {
    private final TargetServer target;

    HttpCookiesTest(TargetServer target) {
        this.target = target;
    }

    private static final String SERVER_SET = """
            import http from 'k6/http';
            export default function () {
              const before = http.get(__ENV.BASE + '/cookies').json('cookies');
              http.get(__ENV.BASE + '/cookies/set?k1=v1');
              const after = http.get(__ENV.BASE + '/cookies').json('cookies');
              console.log(JSON.stringify({ before, after }));
            }
            """;

    @Test
    void cookiesTheServerSetsAreSentBackWithinTheIteration() {
        try (ScriptVu vu = ScriptVu.start(target, SERVER_SET)) {
            JsonObject out = vu.report();
            assertThat(out.getAsJsonObject("before").size()).isZero();
            assertThat(out.getAsJsonObject("after").get("k1").getAsString()).isEqualTo("v1");
        }
    }

    @Test
    void theVuJarIsEmptiedAtEachIterationStart() {
        try (ScriptVu vu = ScriptVu.start(target, SERVER_SET)) {
            vu.report();
            assertThat(vu.report().getAsJsonObject("before").size()).isZero();
        }
    }

    @Test
    void noCookiesResetKeepsCookiesAcrossIterations() {
        JsonObject options = new JsonObject();
        options.addProperty("noCookiesReset", true);
        try (ScriptVu vu = ScriptVu.start(target, options, SERVER_SET)) {
            vu.report();
            assertThat(vu.report().getAsJsonObject("before").get("k1").getAsString()).isEqualTo("v1");
        }
    }

    @Test
    void responseCookiesListTheSetCookieHeadersOfTheFinalResponse() {
        try (ScriptVu vu = ScriptVu.start(target, """
                import http from 'k6/http';
                export default function () {
                  const r = http.get(__ENV.BASE + '/response-headers?Set-Cookie='
                    + encodeURIComponent('sid=abc; Path=/p; HttpOnly; Secure; Max-Age=60'), { redirects: 0 });
                  console.log(JSON.stringify(r.cookies));
                }
                """)) {
            JsonObject sid = vu.report().getAsJsonArray("sid").get(0).getAsJsonObject();
            assertThat(sid.get("name").getAsString()).isEqualTo("sid");
            assertThat(sid.get("value").getAsString()).isEqualTo("abc");
            assertThat(sid.get("path").getAsString()).isEqualTo("/p");
            assertThat(sid.get("http_only").getAsBoolean()).isTrue();
            assertThat(sid.get("secure").getAsBoolean()).isTrue();
            assertThat(sid.get("max_age").getAsInt()).isEqualTo(60);
        }
    }

    @Test
    void requestCookiesAreAddedToTheJarsOrReplaceThem() {
        try (ScriptVu vu = ScriptVu.start(target, """
                import http from 'k6/http';
                export default function () {
                  http.cookieJar().set(__ENV.BASE, 'a', 'jar');
                  const added = http.get(__ENV.BASE + '/cookies', { cookies: { b: 'param' } });
                  const replaced = http.get(__ENV.BASE + '/cookies', { cookies: { a: { value: 'new', replace: true } } });
                  console.log(JSON.stringify({ added: added.json('cookies'), replaced: replaced.json('cookies'),
                    sent: replaced.request.cookies }));
                }
                """)) {
            JsonObject out = vu.report();
            assertThat(out.getAsJsonObject("added").get("a").getAsString()).isEqualTo("jar");
            assertThat(out.getAsJsonObject("added").get("b").getAsString()).isEqualTo("param");
            assertThat(out.getAsJsonObject("replaced").get("a").getAsString()).isEqualTo("new");
            assertThat(out.getAsJsonObject("sent").getAsJsonArray("a")).hasSize(1);
        }
    }

    @Test
    void theJarApiSetsListsDeletesAndClearsCookies() {
        try (ScriptVu vu = ScriptVu.start(target, """
                import http from 'k6/http';
                export default function () {
                  const jar = http.cookieJar();
                  const url = __ENV.BASE + '/x';
                  jar.set(url, 'a', '1');
                  jar.set(url, 'b', '2', { path: '/x', http_only: true });
                  jar.set(url, 'gone', '3', { max_age: -1 });
                  const listed = jar.cookiesForURL(url);
                  jar.delete(url, 'a');
                  const afterDelete = Object.keys(jar.cookiesForURL(url));
                  jar.clear(url);
                  const afterClear = Object.keys(jar.cookiesForURL(url));
                  console.log(JSON.stringify({ listed, afterDelete, afterClear, same: http.cookieJar() === jar }));
                }
                """)) {
            JsonObject out = vu.report();
            assertThat(out.getAsJsonObject("listed").toString()).isEqualTo("{\"b\":[\"2\"],\"a\":[\"1\"]}");
            assertThat(out.getAsJsonArray("afterDelete").toString()).isEqualTo("[\"b\"]");
            assertThat(out.getAsJsonArray("afterClear").size()).isZero();
            assertThat(out.get("same").getAsBoolean()).isTrue();
        }
    }

    @Test
    void aScriptMadeJarIsUsedInsteadOfTheVusWhenPassedAsJar() {
        try (ScriptVu vu = ScriptVu.start(target, """
                import http from 'k6/http';
                export default function () {
                  const own = new http.CookieJar();
                  http.get(__ENV.BASE + '/cookies/set?mine=1', { jar: own });
                  console.log(JSON.stringify({ own: own.cookiesForURL(__ENV.BASE), vu: http.cookieJar().cookiesForURL(__ENV.BASE),
                    sent: http.get(__ENV.BASE + '/cookies', { jar: own }).json('cookies.mine') }));
                }
                """)) {
            JsonObject out = vu.report();
            assertThat(out.getAsJsonObject("own").has("mine")).isTrue();
            assertThat(out.getAsJsonObject("vu").size()).isZero();
            assertThat(out.get("sent").getAsString()).isEqualTo("1");
        }
    }

    @Test
    void theVuJarIsNotAvailableInTheInitStage() {
        try (ScriptVu vu = ScriptVu.start(target, """
                import http from 'k6/http';
                let message = null;
                try { http.cookieJar(); } catch (e) { message = e.message; }
                export default function () { console.log(JSON.stringify({ message })); }
                """)) {
            assertThat(vu.report().get("message").getAsString()).contains("init context");
        }
    }
}
