package dev.weft.js.module.http;

import dev.weft.target.LocalTarget;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.weft.target.TargetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** --http-debug: requests and responses logged, bodies only with "full". */
@ExtendWith(LocalTarget.class)
class HttpDebugTest {
    private static final String SCRIPT = """
            import http from 'k6/http';
            export default function () {
              http.post(__ENV.BASE + '/post', 'secret-body', { headers: { 'X-Probe': 'yes' } });
            }
            """;

    private final TargetServer target;

    HttpDebugTest(TargetServer target) {
        this.target = target;
    }

    private static JsonObject debug(String mode) {
        JsonObject o = new JsonObject();
        o.addProperty("httpDebug", mode);
        return o;
    }

    @Test
    void headersModeLogsTheRequestAndResponseWithoutBodies() {
        try (ScriptVu vu = ScriptVu.start(target, debug("headers"), SCRIPT)) {
            vu.iterate();
            assertThat(vu.lines("info")).anySatisfy(l -> assertThat(l).startsWith("Request:\nPOST ")
                    .contains("/post").contains("X-Probe: yes").doesNotContain("secret-body"));
            assertThat(vu.lines("info")).anySatisfy(l -> assertThat(l).startsWith("Response:\nHTTP/1.1 200 OK")
                    .containsIgnoringCase("content-type"));
        }
    }

    @Test
    void fullModeAlsoLogsBodies() {
        try (ScriptVu vu = ScriptVu.start(target, debug("full"), SCRIPT)) {
            vu.iterate();
            assertThat(vu.lines("info")).anySatisfy(l -> assertThat(l).startsWith("Request:").contains("secret-body"));
            assertThat(vu.lines("info")).anySatisfy(l -> assertThat(l).startsWith("Response:").contains("secret-body"));
        }
    }

    @Test
    void withoutTheOptionNothingIsLogged() {
        try (ScriptVu vu = ScriptVu.start(target, new JsonObject(), SCRIPT)) {
            vu.iterate();
            assertThat(vu.lines("info")).isEmpty();
        }
    }
}
