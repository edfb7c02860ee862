package dev.weft.js.module.http;

import dev.weft.target.LocalTarget;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Sample;
import dev.weft.target.TargetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** http.batch in its array and object forms. */
@ExtendWith(LocalTarget.class)
class HttpBatchTest {
    private final TargetServer target;

    HttpBatchTest(TargetServer target) {
        this.target = target;
    }

    @Test
    void anArrayBatchAnswersInRequestOrderWhateverTheItemShape() {
        try (ScriptVu vu = ScriptVu.start(target, """
                import http from 'k6/http';
                export default function () {
                  const b = __ENV.BASE;
                  const rs = http.batch([
                    b + '/delay/0.1',
                    ['POST', b + '/post', 'hello', { tags: { item: 'two' } }],
                    { method: 'put', url: b + '/put', body: 'x' },
                    { url: http.url`${b}/anything/${3}` },
                  ]);
                  console.log(JSON.stringify({ n: rs.length, first: rs[0].json('url'), post: rs[1].json('data'),
                    put: rs[2].json('method'), fourth: rs[3].status }));
                }
                """)) {
            JsonObject out = vu.report();
            assertThat(out.get("n").getAsInt()).isEqualTo(4);
            assertThat(out.get("first").getAsString()).endsWith("/delay/0.1");
            assertThat(out.get("post").getAsString()).isEqualTo("hello");
            assertThat(out.get("put").getAsString()).isEqualTo("PUT");
            assertThat(out.get("fourth").getAsInt()).isEqualTo(200);
            assertThat(vu.samples(BuiltinMetrics.HTTP_REQS)).hasSize(4);
            assertThat(vu.samples(BuiltinMetrics.HTTP_REQS)).extracting(s -> s.tags().get("item"))
                    .containsOnlyOnce("two");
            assertThat(vu.samples(BuiltinMetrics.HTTP_REQS)).extracting(s -> s.tags().get("name"))
                    .contains("${}/anything/${}");
        }
    }

    @Test
    void anObjectBatchAnswersUnderTheSameKeys() {
        try (ScriptVu vu = ScriptVu.start(target, """
                import http from 'k6/http';
                export default function () {
                  const rs = http.batch({ home: __ENV.BASE + '/get', missing: ['GET', __ENV.BASE + '/status/404'] });
                  console.log(JSON.stringify({ keys: Object.keys(rs), home: rs.home.status, missing: rs.missing.status }));
                }
                """)) {
            JsonObject out = vu.report();
            assertThat(out.getAsJsonArray("keys").toString()).isEqualTo("[\"home\",\"missing\"]");
            assertThat(out.get("home").getAsInt()).isEqualTo(200);
            assertThat(out.get("missing").getAsInt()).isEqualTo(404);
            assertThat(vu.samples(BuiltinMetrics.HTTP_REQ_FAILED)).extracting(Sample::value)
                    .containsExactlyInAnyOrder(0.0, 1.0);
        }
    }

    @Test
    void aBadBatchArgumentThrows() {
        try (ScriptVu vu = ScriptVu.start(target, """
                import http from 'k6/http';
                export default function () {
                  const messages = [];
                  for (const bad of [[], [['GET']], 'x', [{ method: 'GET' }]]) {
                    try { http.batch(bad); messages.push('none'); } catch (e) { messages.push(e.message); }
                  }
                  console.log(JSON.stringify({ messages }));
                }
                """)) {
            String messages = vu.report().getAsJsonArray("messages").toString();
            assertThat(messages).startsWith("[\"none\"").contains("invalid batch request", "invalid http.batch()",
                    "doesn't have a url key");
        }
    }
}
