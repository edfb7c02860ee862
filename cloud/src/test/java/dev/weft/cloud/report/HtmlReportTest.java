package dev.weft.cloud.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.cloud.ApiClient;
import dev.weft.cloud.ResultsService;
import dev.weft.cloud.ServiceConfig;
import dev.weft.cloud.account.Principal;
import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.CreateTestRunResponse;
import dev.weft.cloud.wire.TestFinishedRequest;
import dev.weft.cloud.wire.TestRunRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exported report without a browser: what the file holds (the browser test opens it from file://). */
class HtmlReportTest {
    @TempDir
    Path dir;
    ResultsService service;
    ApiClient api;
    String token;

    @BeforeEach
    void start() throws Exception {
        service = ResultsService.start(ServiceConfig.defaults().withPort(0)
                .withDatabase(ServiceConfig.defaultJdbcUrl(dir.resolve("db")), null, null)
                .withRunTimeout(Duration.ofMinutes(2)).withSweepInterval(Duration.ofHours(1)).withPasswordIterations(1000));
        Principal p = service.accounts().createUser(service.accounts().organisation("acme"), "a@example.com", "secret");
        token = service.accounts().createToken(p);
        api = new ApiClient(service.baseUrl());
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private long runWithHostileNames() throws Exception {
        String id = api.postJson(CloudApi.TESTS_PATH, token, new TestRunRequest("</script><b>bold</b>", null, 2,
                Map.of("http_req_duration", List.of("p(95)<500")), 30)).as(CreateTestRunResponse.class).referenceId();
        long t = System.currentTimeMillis() * 1000;
        String body = """
                [{"type":"Point","metric":"http_reqs","data":{"time":"%d","type":"counter","tags":{"name":"</script><x>","method":"GET","status":"200"},"value":1}},
                 {"type":"Point","metric":"http_req_duration","data":{"time":"%d","type":"trend","tags":{"name":"</script><x>","method":"GET","status":"200"},"value":42}}]"""
                .formatted(t, t);
        assertThat(api.postGzip(CloudApi.METRICS_PATH_PREFIX + id, token, body, Map.of()).status()).isEqualTo(200);
        api.postJson(CloudApi.TEST_PATH_PREFIX + id, token, new TestFinishedRequest(0, 3,
                Map.of("http_req_duration", Map.of("p(95)<500", false))));
        return Long.parseLong(id);
    }

    @Test
    void writeLeavesOneFileWithEverythingInlineAndTheAnswersOfTheDefaultViews() throws Exception {
        long id = runWithHostileNames();
        Path file = dir.resolve("out/report.html");

        service.report().write(id, file);

        String html = Files.readString(file);
        assertThat(html).doesNotContain("src=\"/").doesNotContain("href=\"/static").doesNotContain("<link");
        assertThat(html).contains("window.WEFT_DATA = {").contains("uPlot").contains("Weft.api");
        assertThat(html).contains("\"/api/runs/" + id + "/header\":").contains("\"/api/runs/" + id + "/http\":")
                .contains("\"/api/runs/" + id + "/thresholds\":").contains("\"/api/runs/" + id + "/metrics\":")
                .contains("\"/api/runs/" + id + "/series?metric=http_req_duration&stat=p(95)&points=600\":")
                .contains("&tag.method=GET&tag.name=\\u003c/script>\\u003cx>&tag.status=200\":");
        assertThat(html.split("</script>", -1).length - 1).as("only the report's own script ends")
                .isEqualTo(html.split("<script>", -1).length - 1);
        assertThat(html).contains("&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;");
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void aRunThatDoesNotExistIsRefusedWithItsId() {
        assertThatThrownBy(() -> service.report().write(987, dir.resolve("r.html")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no test run 987 to report on");
        assertThat(dir.resolve("r.html")).doesNotExist();
    }
}
