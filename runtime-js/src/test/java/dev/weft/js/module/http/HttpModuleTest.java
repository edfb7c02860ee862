package dev.weft.js.module.http;

import dev.weft.target.LocalTarget;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Sample;
import dev.weft.target.TargetServer;
import dev.weft.vu.IterationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Requests, bodies, params and response fields of k6/http, from a real VU against the local target. */
@ExtendWith(LocalTarget.class)
class HttpModuleTest {
    private final TargetServer target;

    HttpModuleTest(TargetServer target) {
        this.target = target;
    }

    private ScriptVu vu(String script) {
        return ScriptVu.start(target, script);
    }

    @Test
    void aGetReturnsStatusBodyAndCanonicalHeaders() {
        try (ScriptVu vu = vu("""
                import http from 'k6/http';
                export default function () {
                  const r = http.get(__ENV.BASE + '/get?x=1');
                  console.log(JSON.stringify({ status: r.status, text: r.status_text, proto: r.proto,
                    ct: r.headers['Content-Type'], x: r.json().args.x, url: r.url, err: r.error,
                    code: r.error_code, ip: r.remote_ip, port: r.remote_port, bodyType: typeof r.body }));
                }
                """)) {
            JsonObject out = vu.report();
            assertThat(out.get("status").getAsInt()).isEqualTo(200);
            assertThat(out.get("text").getAsString()).isEqualTo("200 OK");
            assertThat(out.get("proto").getAsString()).isEqualTo("HTTP/1.1");
            assertThat(out.get("ct").getAsString()).startsWith("application/json");
            assertThat(out.get("x").getAsString()).isEqualTo("1");
            assertThat(out.get("url").getAsString()).isEqualTo(target.baseUrl() + "/get?x=1");
            assertThat(out.get("err").getAsString()).isEmpty();
            assertThat(out.get("code").getAsInt()).isZero();
            assertThat(out.get("ip").getAsString()).isEqualTo("127.0.0.1");
            assertThat(out.get("port").getAsInt()).isEqualTo(target.port());
            assertThat(out.get("bodyType").getAsString()).isEqualTo("string");
        }
    }

    @Test
    void namedImportsAndEveryMethodHelperSendTheirMethod() {
        try (ScriptVu vu = vu("""
                import { get, post, put, patch, del, head, options, request } from 'k6/http';
                export default function () {
                  const b = __ENV.BASE;
                  console.log(JSON.stringify({
                    get: get(b + '/get').json().method, post: post(b + '/post', 'x').json().method,
                    put: put(b + '/put', 'x').json().method, patch: patch(b + '/patch').json().method,
                    del: del(b + '/delete').json().method, head: head(b + '/get').status,
                    headBody: head(b + '/get').body, options: options(b + '/anything').json().method,
                    request: request('PATCH', b + '/anything', 'x').json().method,
                  }));
                }
                """)) {
            JsonObject out = vu.report();
            assertThat(out.get("get").getAsString()).isEqualTo("GET");
            assertThat(out.get("post").getAsString()).isEqualTo("POST");
            assertThat(out.get("put").getAsString()).isEqualTo("PUT");
            assertThat(out.get("patch").getAsString()).isEqualTo("PATCH");
            assertThat(out.get("del").getAsString()).isEqualTo("DELETE");
            assertThat(out.get("head").getAsInt()).isEqualTo(200);
            assertThat(out.get("headBody").getAsString()).isEmpty();
            assertThat(out.get("options").getAsString()).isEqualTo("OPTIONS");
            assertThat(out.get("request").getAsString()).isEqualTo("PATCH");
        }
    }

    @Test
    void aStringBodyIsSentAsIsWithTheGivenHeaders() {
        try (ScriptVu vu = vu("""
                import http from 'k6/http';
                export default function () {
                  const r = http.post(__ENV.BASE + '/post', JSON.stringify({ a: [1, 2] }),
                    { headers: { 'Content-Type': 'application/json', 'X-Thing': 42 } });
                  console.log(JSON.stringify({ json: r.json('json.a.1'), thing: r.json('headers.X-Thing'),
                    ua: r.json().headers['User-Agent'], sent: r.request.body,
                    sentCt: r.request.headers['Content-Type'][0], method: r.request.method }));
                }
                """)) {
            JsonObject out = vu.report();
            assertThat(out.get("json").getAsInt()).isEqualTo(2);
            assertThat(out.get("thing").getAsString()).isEqualTo("42");
            assertThat(out.get("ua").getAsString()).isEqualTo(HttpModule.DEFAULT_USER_AGENT);
            assertThat(out.get("sent").getAsString()).isEqualTo("{\"a\":[1,2]}");
            assertThat(out.get("sentCt").getAsString()).isEqualTo("application/json");
            assertThat(out.get("method").getAsString()).isEqualTo("POST");
        }
    }

    @Test
    void anObjectBodyIsSentAsAnUrlEncodedForm() {
        try (ScriptVu vu = vu("""
                import http from 'k6/http';
                export default function () {
                  const r = http.post(__ENV.BASE + '/post', { b: 'x y', a: ['1', 2], c: null });
                  console.log(JSON.stringify({ form: r.json('form'), ct: r.json('headers.Content-Type'),
                    sent: r.request.body }));
                }
                """)) {
            JsonObject out = vu.report();
            assertThat(out.get("ct").getAsString()).isEqualTo("application/x-www-form-urlencoded");
            assertThat(out.get("sent").getAsString()).isEqualTo("a=1&a=2&b=x+y&c=");
            assertThat(out.getAsJsonObject("form").get("b").getAsString()).isEqualTo("x y");
        }
    }

    @Test
    void anObjectBodyWithAFileIsSentAsMultipart() {
        try (ScriptVu vu = vu("""
                import http from 'k6/http';
                export default function () {
                  const bytes = new Uint8Array([104, 105, 33]);
                  const r = http.post(__ENV.BASE + '/post', {
                    field: 'value',
                    text: http.file('plain text', 'a.txt', 'text/plain'),
                    bin: http.file(bytes.buffer, 'b.bin'),
                  });
                  console.log(JSON.stringify({ form: r.json('form'), files: r.json('files'),
                    ct: r.json('headers.Content-Type') }));
                }
                """)) {
            JsonObject out = vu.report();
            assertThat(out.get("ct").getAsString()).startsWith("multipart/form-data; boundary=");
            assertThat(out.getAsJsonObject("form").get("field").getAsString()).isEqualTo("value");
            assertThat(out.getAsJsonObject("files").get("text").getAsString()).isEqualTo("plain text");
            assertThat(out.getAsJsonObject("files").get("bin").getAsString()).isEqualTo("hi!");
        }
    }

    @Test
    void typedArraysAndArrayBuffersAreSentAsBytes() {
        try (ScriptVu vu = vu("""
                import http from 'k6/http';
                export default function () {
                  const all = new Uint8Array([120, 65, 66, 67, 121]);
                  const r1 = http.post(__ENV.BASE + '/post', all.subarray(1, 4));
                  const r2 = http.post(__ENV.BASE + '/post', all.buffer);
                  console.log(JSON.stringify({ view: r1.json('data'), buffer: r2.json('data') }));
                }
                """)) {
            JsonObject out = vu.report();
            assertThat(out.get("view").getAsString()).isEqualTo("ABC");
            assertThat(out.get("buffer").getAsString()).isEqualTo("xABCy");
        }
    }

    @Test
    void httpUrlNamesTheRequestAfterItsTemplate() {
        try (ScriptVu vu = vu("""
                import http from 'k6/http';
                export default function () {
                  const id = 7;
                  const r = http.get(http.url`${__ENV.BASE}/anything/${id}?q=1`);
                  http.get(http.url`${__ENV.BASE}/anything/8`, { tags: { name: 'mine', kind: 'x' } });
                  console.log(JSON.stringify({ url: r.url }));
                }
                """)) {
            JsonObject out = vu.report();
            assertThat(out.get("url").getAsString()).isEqualTo(target.baseUrl() + "/anything/7?q=1");
            Sample first = vu.samples(BuiltinMetrics.HTTP_REQS).get(0);
            assertThat(first.tags().get("name")).isEqualTo("${}/anything/${}?q=1");
            assertThat(first.tags().get("url")).isEqualTo("${}/anything/${}?q=1");
            Sample second = vu.samples(BuiltinMetrics.HTTP_REQS).get(1);
            assertThat(second.tags().get("name")).isEqualTo("mine");
            assertThat(second.tags().get("kind")).isEqualTo("x");
        }
    }

    @Test
    void samplesCarryTheScenarioGroupAndRequestTags() {
        try (ScriptVu vu = vu("""
                import http from 'k6/http';
                import { group } from 'k6';
                export default function () {
                  group('g', () => http.get(__ENV.BASE + '/status/404', { tags: { t: 'v' } }));
                }
                """)) {
            assertThat(vu.iterate()).isEqualTo(IterationOutcome.COMPLETED);
            Sample s = vu.samples(BuiltinMetrics.HTTP_REQ_DURATION).get(0);
            assertThat(s.tags().map()).containsEntry("scenario", "default").containsEntry("group", "::g")
                    .containsEntry("t", "v").containsEntry("status", "404").containsEntry("method", "GET")
                    .containsEntry("name", target.baseUrl() + "/status/404")
                    .containsEntry("expected_response", "false").containsEntry("error_code", "1404");
            assertThat(vu.samples(BuiltinMetrics.HTTP_REQ_FAILED).get(0).value()).isEqualTo(1);
        }
    }

    @Test
    void everyRequestRecordsDataSentAndReceived() {
        try (ScriptVu vu = vu("""
                import http from 'k6/http';
                export default function () {
                  http.post(__ENV.BASE + '/post', 'x'.repeat(1000));
                }
                """)) {
            vu.iterate();
            assertThat(vu.samples(BuiltinMetrics.DATA_SENT).get(0).value()).isGreaterThan(1000);
            assertThat(vu.samples(BuiltinMetrics.DATA_RECEIVED).get(0).value()).isGreaterThan(1000);
            assertThat(vu.samples(BuiltinMetrics.DATA_SENT).get(0).tags().map())
                    .containsEntry("scenario", "default").doesNotContainKey("name");
            assertThat(vu.samples(BuiltinMetrics.HTTP_REQS)).hasSize(1);
        }
    }

    @Test
    void timingsArePresentAndAddUpToTheDuration() {
        try (ScriptVu vu = vu("""
                import http from 'k6/http';
                export default function () {
                  const t = http.get(__ENV.BASE + '/delay/0.05').timings;
                  console.log(JSON.stringify(t));
                }
                """)) {
            JsonObject t = vu.report();
            assertThat(t.keySet()).contains("blocked", "connecting", "tls_handshaking", "sending", "waiting",
                    "receiving", "duration", "looking_up");
            double sum = t.get("sending").getAsDouble() + t.get("waiting").getAsDouble()
                    + t.get("receiving").getAsDouble();
            assertThat(t.get("duration").getAsDouble()).isCloseTo(sum, org.assertj.core.data.Offset.offset(0.001));
            // the server waits 50 ms before answering; on a busy machine the VU may be scheduled
            // late after its write, moving part of that wait into "sending"
            assertThat(t.get("sending").getAsDouble() + t.get("waiting").getAsDouble()).isGreaterThanOrEqualTo(50);
            assertThat(t.get("waiting").getAsDouble()).isPositive();
            double trend = vu.samples(BuiltinMetrics.HTTP_REQ_DURATION).get(0).value();
            assertThat(trend).isEqualTo(t.get("duration").getAsDouble());
        }
    }

    @Test
    void redirectsAreFollowedUpToTheLimitAndEachHopIsMeasured() {
        try (ScriptVu vu = vu("""
                import http from 'k6/http';
                export default function () {
                  const followed = http.get(__ENV.BASE + '/redirect/2');
                  const stopped = http.get(__ENV.BASE + '/redirect/3', { redirects: 1 });
                  const none = http.get(__ENV.BASE + '/redirect/1', { redirects: 0 });
                  console.log(JSON.stringify({ a: followed.status, aUrl: followed.url, b: stopped.status,
                    c: none.status, loc: none.headers['Location'] }));
                }
                """)) {
            JsonObject out = vu.report();
            assertThat(out.get("a").getAsInt()).isEqualTo(200);
            assertThat(out.get("aUrl").getAsString()).isEqualTo(target.baseUrl() + "/get");
            assertThat(out.get("b").getAsInt()).isEqualTo(302);
            assertThat(out.get("c").getAsInt()).isEqualTo(302);
            assertThat(out.get("loc").getAsString()).isNotEmpty();
            assertThat(vu.samples(BuiltinMetrics.HTTP_REQS)).hasSize(3 + 2 + 1);
            assertThat(vu.lines("warn")).isEmpty();
        }
    }

    @Test
    void reachingTheDefaultRedirectLimitWarnsLikeK6() {
        JsonObject options = new JsonObject();
        try (ScriptVu vu = vu("""
                import http from 'k6/http';
                export default function () {
                  console.log(JSON.stringify({ s: http.get(__ENV.BASE + '/redirect/12').status }));
                }
                """)) {
            assertThat(vu.report().get("s").getAsInt()).isEqualTo(302);
            assertThat(vu.lines("warn")).singleElement().asString().contains("Stopped after 10 redirects");
        }
        options.addProperty("maxRedirects", 1);
        try (ScriptVu vu = ScriptVu.start(target, options, """
                import http from 'k6/http';
                export default function () {
                  console.log(JSON.stringify({ s: http.get(__ENV.BASE + '/redirect/2').status }));
                }
                """)) {
            assertThat(vu.report().get("s").getAsInt()).isEqualTo(302);
            assertThat(vu.lines("warn")).isEmpty();
        }
    }

    @Test
    void basicAuthComesFromTheUrlAndDigestAuthFromTheAuthParam() {
        try (ScriptVu vu = vu("""
                import http from 'k6/http';
                export default function () {
                  const creds = __ENV.BASE.replace('://', '://bob:s3cret@');
                  const basic = http.get(creds + '/basic-auth/bob/s3cret');
                  const wrong = http.get(creds + '/basic-auth/bob/other');
                  const digest = http.get(creds + '/digest-auth/auth/bob/s3cret', { auth: 'digest' });
                  console.log(JSON.stringify({ basic: basic.status, wrong: wrong.status, digest: digest.status,
                    user: digest.json('user') }));
                }
                """)) {
            JsonObject out = vu.report();
            assertThat(out.get("basic").getAsInt()).isEqualTo(200);
            assertThat(out.get("wrong").getAsInt()).isEqualTo(401);
            assertThat(out.get("digest").getAsInt()).isEqualTo(200);
            assertThat(out.get("user").getAsString()).isEqualTo("bob");
            assertThat(vu.samples(BuiltinMetrics.HTTP_REQS).get(0).tags().get("url"))
                    .isEqualTo(target.baseUrl().replace("://", "://****:****@") + "/basic-auth/bob/s3cret");
            assertThat(vu.samples(BuiltinMetrics.HTTP_REQ_FAILED)).extracting(Sample::value)
                    .containsExactly(0.0, 1.0, 0.0, 0.0);
        }
    }

    @Test
    void binaryResponsesAreArrayBuffersAndNoneDiscardsTheBody() {
        try (ScriptVu vu = vu("""
                import http from 'k6/http';
                export default function () {
                  const bin = http.get(__ENV.BASE + '/bytes/300', { responseType: 'binary' });
                  const none = http.get(__ENV.BASE + '/bytes/300', { responseType: 'none' });
                  const text = http.get(__ENV.BASE + '/bytes/10');
                  console.log(JSON.stringify({ isBuffer: bin.body instanceof ArrayBuffer,
                    size: bin.body.byteLength, first: new Uint8Array(bin.body)[0] >= 0, none: none.body,
                    noneStatus: none.status, text: typeof text.body }));
                }
                """)) {
            JsonObject out = vu.report();
            assertThat(out.get("isBuffer").getAsBoolean()).isTrue();
            assertThat(out.get("size").getAsInt()).isEqualTo(300);
            assertThat(out.get("first").getAsBoolean()).isTrue();
            assertThat(out.get("none").isJsonNull()).isTrue();
            assertThat(out.get("noneStatus").getAsInt()).isEqualTo(200);
            assertThat(out.get("text").getAsString()).isEqualTo("string");
        }
    }

    @Test
    void theDiscardResponseBodiesOptionMakesNoneTheDefault() {
        JsonObject options = new JsonObject();
        options.addProperty("discardResponseBodies", true);
        try (ScriptVu vu = ScriptVu.start(target, options, """
                import http from 'k6/http';
                export default function () {
                  const r = http.get(__ENV.BASE + '/get');
                  const kept = http.get(__ENV.BASE + '/get', { responseType: 'text' });
                  console.log(JSON.stringify({ body: r.body, kept: kept.json('url') !== undefined }));
                }
                """)) {
            JsonObject out = vu.report();
            assertThat(out.get("body").isJsonNull()).isTrue();
            assertThat(out.get("kept").getAsBoolean()).isTrue();
        }
    }

    @Test
    void jsonSelectorsFollowGjsonPaths() {
        try (ScriptVu vu = vu("""
                import http from 'k6/http';
                export default function () {
                  const doc = JSON.stringify({ a: { b: 1 }, list: [{ c: 'x' }, { c: 'y' }], 'd.e': 5,
                    name: { first: 'Ann' } });
                  const r = http.post(__ENV.BASE + '/post', doc, { headers: { 'Content-Type': 'application/json' } });
                  const j = (s) => r.json('json.' + s);
                  console.log(JSON.stringify({ ab: j('a.b'), c0: j('list.0.c'), len: j('list.#'),
                    all: j('list.#.c'), esc: j('d\\\\.e'), wild: j('name.fir*'), missing: j('a.zz') === undefined,
                    whole: r.json().json.a.b, same: r.json() === r.json() }));
                }
                """)) {
            JsonObject out = vu.report();
            assertThat(out.get("ab").getAsInt()).isEqualTo(1);
            assertThat(out.get("c0").getAsString()).isEqualTo("x");
            assertThat(out.get("len").getAsInt()).isEqualTo(2);
            assertThat(out.getAsJsonArray("all").toString()).isEqualTo("[\"x\",\"y\"]");
            assertThat(out.get("esc").getAsInt()).isEqualTo(5);
            assertThat(out.get("wild").getAsString()).isEqualTo("Ann");
            assertThat(out.get("missing").getAsBoolean()).isTrue();
            assertThat(out.get("whole").getAsInt()).isEqualTo(1);
            assertThat(out.get("same").getAsBoolean()).isTrue();
        }
    }

    @Test
    void aResponseSerialisesWithAllItsFieldsAndCanBeChangedByTheScript() {
        try (ScriptVu vu = vu("""
                import http from 'k6/http';
                export default function () {
                  const r = http.get(__ENV.BASE + '/get');
                  const copy = JSON.parse(JSON.stringify(r));
                  r.status = 999;
                  r.body = 'changed';
                  console.log(JSON.stringify({ keys: Object.keys(copy).sort(), status: r.status, body: r.body }));
                }
                """)) {
            JsonObject out = vu.report();
            assertThat(out.getAsJsonArray("keys").toString()).contains("\"body\"", "\"cookies\"", "\"headers\"",
                    "\"request\"", "\"status\"", "\"timings\"", "\"error_code\"", "\"tls_version\"");
            assertThat(out.get("status").getAsInt()).isEqualTo(999);
            assertThat(out.get("body").getAsString()).isEqualTo("changed");
        }
    }

    @Test
    void requestBodiesAreCompressedWhenAsked() {
        try (ScriptVu vu = vu("""
                import http from 'k6/http';
                export default function () {
                  const r = http.post(__ENV.BASE + '/post', 'a'.repeat(500), { compression: 'gzip' });
                  console.log(JSON.stringify({ enc: r.json('headers.Content-Encoding'),
                    len: Number(r.json('headers.Content-Length')) }));
                }
                """)) {
            JsonObject out = vu.report();
            assertThat(out.get("enc").getAsString()).isEqualTo("gzip");
            assertThat(out.get("len").getAsInt()).isLessThan(500);
        }
    }

    @Test
    void brAndZstdResponsesAreDecodedTransparentlyAsK6Does() {
        try (ScriptVu vu = vu("""
                import http from 'k6/http';
                export default function () {
                  const b = __ENV.BASE;
                  const br = http.get(b + '/brotli');
                  const broken = http.get(b + '/response-headers?Content-Encoding=zstd');
                  console.log(JSON.stringify({ br: br.json().brotli === true, brHeader: br.headers['Content-Encoding'],
                    zstd: http.get(b + '/zstd').json().zstd === true,
                    stacked: http.get(b + '/compressed/gzip,br').json().compression,
                    brokenCode: broken.error_code, brokenError: broken.error }));
                }
                """)) {
            JsonObject out = vu.report();
            assertThat(out.get("br").getAsBoolean()).isTrue();
            assertThat(out.get("brHeader").getAsString()).isEqualTo("br");
            assertThat(out.get("zstd").getAsBoolean()).isTrue();
            assertThat(out.get("stacked").getAsString()).isEqualTo("gzip, br");
            assertThat(out.get("brokenCode").getAsInt()).isEqualTo(1701);
            assertThat(out.get("brokenError").getAsString()).startsWith("error decompressing response body (zstd)");
        }
    }

    @Test
    void requestBodiesAreCompressedWithBrAndZstdAndStackedCodings() {
        try (ScriptVu vu = vu("""
                import http from 'k6/http';
                export default function () {
                  const text = 'foobar'.repeat(500);
                  const out = {};
                  for (const c of ['br', 'zstd', 'zstd, gzip, br']) {
                    const r = http.post(__ENV.BASE + '/post', text, { compression: c });
                    out[c] = { enc: r.json('headers.Content-Encoding'), same: r.json('decoded') === text,
                      len: Number(r.json('headers.Content-Length')) };
                  }
                  console.log(JSON.stringify(out));
                }
                """)) {
            JsonObject out = vu.report();
            for (String c : new String[] {"br", "zstd", "zstd, gzip, br"}) {
                JsonObject one = out.getAsJsonObject(c);
                assertThat(one.get("enc").getAsString()).isEqualTo(c);
                assertThat(one.get("same").getAsBoolean()).as(c).isTrue();
                assertThat(one.get("len").getAsInt()).as(c).isLessThan(200);
            }
        }
    }
}
