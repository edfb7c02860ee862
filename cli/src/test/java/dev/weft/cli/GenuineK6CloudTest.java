package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.weft.cloud.ResultsService;
import dev.weft.cloud.ServiceConfig;
import dev.weft.cloud.account.Principal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A genuine k6 (v0.4x, cloud API v1) streams into Weft's results service and its run ends
 * Finished. Needs a k6 binary: WEFT_K6_BINARY or `k6` on the PATH; skips with a message if
 * there is none (CI has none; see the README for how one was built here from k6's sources).
 */
class GenuineK6CloudTest {
    @TempDir
    Path dir;

    private static Path k6() {
        String env = System.getenv("WEFT_K6_BINARY");
        if (env != null && Files.isExecutable(Path.of(env))) {
            return Path.of(env);
        }
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path c = Path.of(p, "k6");
            if (Files.isExecutable(c)) {
                return c;
            }
        }
        return null;
    }

    @Test
    void a_real_k6_streams_into_the_service_and_ends_finished() throws Exception {
        Path k6 = k6();
        assumeTrue(k6 != null, "no k6 binary (set WEFT_K6_BINARY): skipping the genuine-k6 check");
        try (ResultsService service = ResultsService.start(ServiceConfig.defaults().withPort(0)
                .withDatabase("jdbc:h2:" + dir.resolve("db"), "sa", "").withPasswordIterations(1000))) {
            long org = service.accounts().organisation("k6");
            Principal user = service.accounts().createUser(org, "k6@localhost", "pw-for-k6-test");
            String token = service.accounts().createToken(user);
            Files.writeString(dir.resolve("k.js"), """
                    import { check, sleep } from 'k6';
                    export const options = { vus: 2, iterations: 10 };
                    export default function () { check(1, { 'ok': (v) => v === 1 }); sleep(0.05); }
                    """);
            ProcessBuilder pb = new ProcessBuilder(List.of(k6.toString(), "run", "--quiet", "--out", "cloud", "k.js"));
            pb.directory(dir.toFile());
            pb.environment().put("K6_CLOUD_API_VERSION", "1");
            pb.environment().put("K6_CLOUD_HOST", service.baseUrl());
            pb.environment().put("K6_CLOUD_TOKEN", token);
            pb.redirectErrorStream(true);
            pb.redirectOutput(dir.resolve("k6.log").toFile());
            Process p = pb.start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(Files.readString(dir.resolve("k6.log"))).isZero();
            HttpResponse<String> runs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(service.baseUrl() + "/v1/tests")).header("Authorization", "Token " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonObject run = JsonParser.parseString(runs.body()).getAsJsonObject().getAsJsonArray("runs").get(0)
                    .getAsJsonObject();
            assertThat(run.get("run_state_label").getAsString()).isEqualTo("Finished");
            assertThat(run.get("name").getAsString()).isEqualTo("k.js");
        }
    }
}
