package dev.weft.js.module.http;

import dev.weft.target.LocalTarget;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.weft.metrics.BuiltinMetrics;
import dev.weft.target.TargetServer;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** How k6/http reports failures: error responses with k6 codes, the throw option, bad arguments. */
@ExtendWith(LocalTarget.class)
class HttpErrorsTest {
    private final TargetServer target;

    HttpErrorsTest(TargetServer target) {
        this.target = target;
    }

    private ScriptVu vu(String script) {
        return ScriptVu.start(target, script);
    }

    @Test
    void aTimeoutIsAnErrorResponseWithCode1050() {
        try (ScriptVu vu = vu("""
                import http from 'k6/http';
                export default function () {
                  const r = http.get(__ENV.BASE + '/delay/2', { timeout: '100ms' });
                  const n = http.get(__ENV.BASE + '/delay/2', { timeout: 100 });
                  console.log(JSON.stringify({ s: r.status, code: r.error_code, err: r.error, body: r.body,
                    n: n.error_code }));
                }
                """)) {
            JsonObject out = vu.report();
            assertThat(out.get("s").getAsInt()).isZero();
            assertThat(out.get("code").getAsInt()).isEqualTo(1050);
            assertThat(out.get("err").getAsString()).isEqualTo("request timeout");
            assertThat(out.get("body").isJsonNull()).isTrue();
            assertThat(out.get("n").getAsInt()).isEqualTo(1050);
            assertThat(vu.lines("warn")).hasSize(2).allMatch(l -> l.startsWith("Request Failed"));
            assertThat(vu.samples(BuiltinMetrics.HTTP_REQS).get(0).tags().get("error_code")).isEqualTo("1050");
        }
    }

    @Test
    void aRefusedConnectionIsAnErrorResponseWithCode1212NotAThrow() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (ScriptVu vu = vu("""
                import http from 'k6/http';
                export default function () {
                  const r = http.get('http://127.0.0.1:%d/');
                  console.log(JSON.stringify({ s: r.status, code: r.error_code, body: r.body }));
                }
                """.formatted(port))) {
            JsonObject out = vu.report();
            assertThat(out.get("s").getAsInt()).isZero();
            assertThat(out.get("code").getAsInt()).isEqualTo(1212);
            assertThat(out.get("body").isJsonNull()).isTrue();
            assertThat(vu.samples(BuiltinMetrics.HTTP_REQ_FAILED).get(0).value()).isEqualTo(1);
        }
    }

    @Test
    void theThrowOptionTurnsNetworkErrorsIntoExceptions() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        JsonObject options = new JsonObject();
        options.addProperty("throw", true);
        try (ScriptVu vu = ScriptVu.start(target, options, """
                import http from 'k6/http';
                export default function () {
                  let caught = null;
                  try { http.get('http://127.0.0.1:%d/'); } catch (e) { caught = e instanceof Error && e.message; }
                  const notFound = http.get(__ENV.BASE + '/status/404').status;
                  let perRequest = 'no';
                  try { http.get('http://127.0.0.1:%d/', { throw: false }); } catch (e) { perRequest = 'threw'; }
                  console.log(JSON.stringify({ caught, notFound, perRequest }));
                }
                """.formatted(port, port))) {
            JsonObject out = vu.report();
            assertThat(out.get("caught").getAsString()).contains("refused");
            assertThat(out.get("notFound").getAsInt()).isEqualTo(404);
            assertThat(out.get("perRequest").getAsString()).isEqualTo("no");
        }
    }

    @Test
    void badArgumentsFailTheRequestUnlessTheyCannotBeSent() {
        try (ScriptVu vu = vu("""
                import http from 'k6/http';
                export default function () {
                  const badType = http.get(__ENV.BASE + '/get', { responseType: 'weird' });
                  const badUrl = http.get('not a url');
                  let method = null;
                  try { http.request('GE T', __ENV.BASE + '/get'); } catch (e) { method = e.message; }
                  let body = null;
                  try { http.post(__ENV.BASE + '/post', 42); } catch (e) { body = e.message; }
                  console.log(JSON.stringify({ typeErr: badType.error, urlCode: badUrl.error_code, method, body }));
                }
                """)) {
            JsonObject out = vu.report();
            assertThat(out.get("typeErr").getAsString()).contains("weird");
            assertThat(out.get("urlCode").getAsInt()).isEqualTo(1020);
            assertThat(out.get("method").getAsString()).contains("invalid HTTP method");
            assertThat(out.get("body").getAsString()).contains("unknown request body type");
        }
    }

    @Test
    void requestsInTheInitStageThrow() {
        try (ScriptVu vu = vu("""
                import http from 'k6/http';
                let message = null;
                try { http.get(__ENV.BASE + '/get'); } catch (e) { message = e.message; }
                export default function () {
                  console.log(JSON.stringify({ message }));
                }
                """)) {
            assertThat(vu.report().get("message").getAsString())
                    .isEqualTo("Making http requests in the init context is not supported");
        }
    }

    @Test
    void jsonOfAFailedRequestThrowsLikeK6() {
        try (ScriptVu vu = vu("""
                import http from 'k6/http';
                export default function () {
                  const r = http.get(__ENV.BASE + '/delay/1', { timeout: 10 });
                  let message = null;
                  try { r.json(); } catch (e) { message = e.message; }
                  console.log(JSON.stringify({ message }));
                }
                """)) {
            assertThat(vu.report().get("message").getAsString()).startsWith("the body is null");
        }
    }
}
