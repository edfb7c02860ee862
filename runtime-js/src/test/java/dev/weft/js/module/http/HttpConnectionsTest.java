package dev.weft.js.module.http;

import dev.weft.target.LocalTarget;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.weft.target.TargetServer;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Connection-level behaviour of k6/http: keep-alive per VU (HTTP/1.1 and h2), the reuse options, user agent, TLS. */
@ExtendWith(LocalTarget.class)
class HttpConnectionsTest {
    private final TargetServer target;

    HttpConnectionsTest(TargetServer target) {
        this.target = target;
    }

    private ScriptVu vu(String script) {
        return ScriptVu.start(target, script);
    }

    @Test
    void httpsRequestsReportTheirTlsVersion() {
        JsonObject options = new JsonObject();
        options.addProperty("insecureSkipTLSVerify", true);
        try (ScriptVu vu = ScriptVu.start(target, options, """
                import http from 'k6/http';
                export default function () {
                  const r = http.get(__ENV.HTTPS_BASE + '/get');
                  console.log(JSON.stringify({ s: r.status, tls: r.tls_version, suite: r.tls_cipher_suite,
                    known: r.tls_version === http.TLS_1_3 || r.tls_version === http.TLS_1_2 }));
                }
                """)) {
            JsonObject out = vu.report();
            assertThat(out.get("s").getAsInt()).isEqualTo(200);
            assertThat(out.get("known").getAsBoolean()).isTrue();
            assertThat(out.get("suite").getAsString()).startsWith("TLS_");
        }
    }

    private static final String CONNECTION_IDS = """
            import http from 'k6/http';
            export default function () {
              const a = http.get(__ENV.BASE + '/connection-id').json('connection');
              const b = http.get(__ENV.BASE + '/connection-id').json('connection');
              console.log(JSON.stringify({ a, b }));
            }
            """;

    @Test
    void aVuKeepsItsConnectionAcrossRequestsAndIterations() {
        try (ScriptVu vu = vu(CONNECTION_IDS)) {
            JsonObject first = vu.report();
            JsonObject second = vu.report();
            assertThat(first.get("b")).isEqualTo(first.get("a"));
            assertThat(second.get("a")).isEqualTo(first.get("a"));
        }
    }

    @Test
    void noVuConnectionReuseOpensNewConnectionsEachIteration() {
        JsonObject options = new JsonObject();
        options.addProperty("noVUConnectionReuse", true);
        try (ScriptVu vu = ScriptVu.start(target, options, CONNECTION_IDS)) {
            JsonObject first = vu.report();
            JsonObject second = vu.report();
            assertThat(first.get("b")).isEqualTo(first.get("a"));
            assertThat(second.get("a")).isNotEqualTo(first.get("a"));
        }
    }

    @Test
    void noConnectionReuseOpensANewConnectionPerRequest() {
        JsonObject options = new JsonObject();
        options.addProperty("noConnectionReuse", true);
        try (ScriptVu vu = ScriptVu.start(target, options, CONNECTION_IDS)) {
            JsonObject out = vu.report();
            assertThat(out.get("b")).isNotEqualTo(out.get("a"));
        }
    }

    @Test
    void aVusHttp2ConnectionFollowsNoVuConnectionReuseAndClosesWithTheVu() {
        JsonObject options = new JsonObject();
        options.addProperty("insecureSkipTLSVerify", true);
        options.addProperty("noVUConnectionReuse", true);
        Set<Thread> before = httpClientThreads();
        try (ScriptVu vu = ScriptVu.start(target, options, """
                import http from 'k6/http';
                export default function () {
                  const r = http.get(__ENV.H2_BASE + '/connection-id');
                  const b = http.get(__ENV.H2_BASE + '/connection-id').json('connection');
                  console.log(JSON.stringify({ proto: r.proto, a: r.json('connection'), b }));
                }
                """)) {
            JsonObject first = vu.report();
            JsonObject second = vu.report();
            assertThat(first.get("proto").getAsString()).isEqualTo("HTTP/2.0");
            assertThat(first.get("b")).isEqualTo(first.get("a"));
            assertThat(second.get("a")).isNotEqualTo(first.get("a"));
        }
        Set<Thread> left = httpClientThreads();
        left.removeAll(before);
        assertThat(left).isEmpty();
    }

    /** The JDK HTTP clients' live platform threads (each VU speaking h2 has one selector thread). */
    private static Set<Thread> httpClientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("HttpClient-")).collect(Collectors.toSet());
    }

    @Test
    void theUserAgentOptionIsSentWhenTheScriptSetsNone() {
        JsonObject options = new JsonObject();
        options.addProperty("userAgent", "custom-agent/2");
        try (ScriptVu vu = ScriptVu.start(target, options, """
                import http from 'k6/http';
                export default function () {
                  console.log(JSON.stringify({ ua: http.get(__ENV.BASE + '/user-agent').json('user-agent') }));
                }
                """)) {
            assertThat(vu.report().get("ua").getAsString()).isEqualTo("custom-agent/2");
        }
    }
}
