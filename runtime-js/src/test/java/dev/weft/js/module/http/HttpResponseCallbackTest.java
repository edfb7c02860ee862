package dev.weft.js.module.http;

import dev.weft.target.LocalTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Sample;
import dev.weft.target.TargetServer;
import dev.weft.vu.IterationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Which responses count as failed: http.setResponseCallback, http.expectedStatuses and params.responseCallback. */
@ExtendWith(LocalTarget.class)
class HttpResponseCallbackTest {
    private final TargetServer target;

    HttpResponseCallbackTest(TargetServer target) {
        this.target = target;
    }

    @Test
    void byDefaultStatuses200To399AreExpected() {
        try (ScriptVu vu = ScriptVu.start(target, """
                import http from 'k6/http';
                export default function () {
                  for (const s of [200, 302, 399, 400, 503]) http.get(__ENV.BASE + '/status/' + s, { redirects: 0 });
                }
                """)) {
            assertThat(vu.iterate()).isEqualTo(IterationOutcome.COMPLETED);
            assertThat(vu.samples(BuiltinMetrics.HTTP_REQ_FAILED)).extracting(Sample::value)
                    .containsExactly(0.0, 0.0, 0.0, 1.0, 1.0);
            assertThat(vu.samples(BuiltinMetrics.HTTP_REQS)).extracting(s -> s.tags().get("expected_response"))
                    .containsExactly("true", "true", "true", "false", "false");
        }
    }

    @Test
    void setResponseCallbackChangesWhatCountsAsExpected() {
        try (ScriptVu vu = ScriptVu.start(target, """
                import http from 'k6/http';
                http.setResponseCallback(http.expectedStatuses(404, { min: 500, max: 502 }));
                export default function () {
                  for (const s of [200, 404, 501, 503]) http.get(__ENV.BASE + '/status/' + s);
                }
                """)) {
            vu.iterate();
            assertThat(vu.samples(BuiltinMetrics.HTTP_REQ_FAILED)).extracting(Sample::value)
                    .containsExactly(1.0, 0.0, 0.0, 1.0);
        }
    }

    @Test
    void aNullCallbackDropsHttpReqFailedAndTheExpectedResponseTag() {
        try (ScriptVu vu = ScriptVu.start(target, """
                import http from 'k6/http';
                http.setResponseCallback(null);
                export default function () {
                  http.get(__ENV.BASE + '/status/500');
                }
                """)) {
            vu.iterate();
            assertThat(vu.samples(BuiltinMetrics.HTTP_REQ_FAILED)).isEmpty();
            assertThat(vu.samples(BuiltinMetrics.HTTP_REQS).get(0).tags().map()).doesNotContainKey("expected_response");
        }
    }

    @Test
    void aRequestsOwnCallbackWinsOverTheVus() {
        try (ScriptVu vu = ScriptVu.start(target, """
                import http from 'k6/http';
                export default function () {
                  http.get(__ENV.BASE + '/status/418', { responseCallback: http.expectedStatuses(418) });
                  http.get(__ENV.BASE + '/status/418', { responseCallback: null });
                  http.get(__ENV.BASE + '/status/418');
                }
                """)) {
            vu.iterate();
            assertThat(vu.samples(BuiltinMetrics.HTTP_REQ_FAILED)).extracting(Sample::value)
                    .containsExactly(0.0, 1.0);
        }
    }

    @Test
    void expectedStatusesRejectsWhatIsNotAStatusOrRange() {
        try (ScriptVu vu = ScriptVu.start(target, """
                import http from 'k6/http';
                export default function () {
                  const messages = [];
                  for (const args of [[], ['200'], [{ min: 1 }], [{ min: 1.5, max: 3 }]]) {
                    try { http.expectedStatuses(...args); } catch (e) { messages.push(e.message); }
                  }
                  try { http.setResponseCallback(() => true); } catch (e) { messages.push(e.message); }
                  console.log(JSON.stringify({ messages }));
                }
                """)) {
            assertThat(vu.report().getAsJsonArray("messages")).hasSize(5);
        }
    }
}
