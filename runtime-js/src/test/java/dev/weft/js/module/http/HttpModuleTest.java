package dev.weft.js.module.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Sample;
import dev.weft.target.TargetServer;
import dev.weft.vu.IterationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalTarget.class)
class HttpModuleTest {
    private final TargetServer target;

    HttpModuleTest(TargetServer target) {
        this.target = target;
    }

    @Test
    void aGetReturnsStatusBodyAndCanonicalHeaders() {
        try (ScriptVu vu = ScriptVu.start(target, """
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
}
