package dev.weft.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.weft.cloud.wire.ApiError;
import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.TestRunRequest;
import dev.weft.cloud.wire.WireJson;
import dev.weft.cloud.wire.v2.CounterValue;
import dev.weft.cloud.wire.v2.Metric;
import dev.weft.cloud.wire.v2.MetricSet;
import dev.weft.cloud.wire.v2.MetricType;
import dev.weft.cloud.wire.v2.TimeSeries;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class V2ApiShapeTest {
    @TempDir
    Path dir;
    V2Service v2;

    @BeforeEach
    void start() throws Exception {
        v2 = new V2Service(dir);
    }

    @AfterEach
    void stop() {
        v2.close();
    }

    @ParameterizedTest(name = "{0} {1} is a JSON {2}")
    @CsvSource({
            "POST, /v2/metrics, 404", "GET, /v2/metrics/1, 405", "POST, /v2/nothing, 404", "POST, /v2, 404",
            "POST, /v1, 404", "GET, /v1/nothing, 404", "POST, /v1/archive-upload, 404", "GET, /v1/login, 405",
            "POST, /api/runs, 405", "GET, /api/nothing, 404", "POST, /api, 404", "DELETE, /api/runs/1/summary, 405",
            "GET, /api/runs/1/stop, 405"})
    void unknownApiPathsAndMethodsAnswerJsonAndNeverRedirect(String method, String path, int status) throws Exception {
        HttpResponse<String> r = v2.raw(method, path, "{}".getBytes(StandardCharsets.UTF_8),
                Map.of("Authorization", "Token " + v2.token));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.headers().firstValue("Location")).isEmpty();
        assertThat(WireJson.GSON.fromJson(r.body(), ApiError.class).error().message()).isNotBlank();
    }

    @Test
    void theCreateAnswerTellsK6HowToStreamAndWhereTheRunIs() throws Exception {
        ApiClient.Response r = v2.api.postJson(CloudApi.TESTS_PATH, v2.token, new TestRunRequest("cfg", null, 1, Map.of(), 10));

        JsonObject body = WireJson.GSON.fromJson(r.body(), JsonObject.class);
        JsonObject config = body.getAsJsonObject("config");
        String id = body.get("reference_id").getAsString();
        assertThat(config.get("tracesEnabled").getAsBoolean()).isFalse();
        assertThat(config.get("aggregationPeriod").getAsString()).isEqualTo("1s");
        assertThat(config.get("metricPushInterval").getAsString()).isEqualTo("1s");
        assertThat(config.get("webAppURL").getAsString()).isEqualTo(v2.service.baseUrl());
        assertThat(config.get("testRunDetails").getAsString()).isEqualTo(v2.service.baseUrl() + "/runs/" + id);
        assertThat(body.getAsJsonArray("logs").get(0).getAsJsonObject().get("message").getAsString())
                .contains(v2.service.baseUrl() + "/runs/" + id);
    }

    @Test
    void aMultipartCreateWithK6sArchiveTakesItsThresholdsFromTheArchiveOptions() throws Exception {
        String metadata = """
                {"type":"js","filename":"file:///s.js","options":{"vus":4,"thresholds":{
                  "http_req_duration":["p(95)<300",{"threshold":"p(99)<900","abortOnFail":true}],
                  "checks":["rate>0.9"]}}}""";
        byte[] archive = tar(Map.of("file/s.js", "export default function () {}", "metadata.json", metadata));
        String boundary = "b0und4ry";
        byte[] body = multipart(boundary, Map.of("name", "s.js", "project_id", "0", "vus", "4", "duration", "30"), archive);

        HttpResponse<String> r = v2.raw("POST", CloudApi.TESTS_PATH, body, Map.of("Authorization", "Token " + v2.token,
                "Content-Type", "multipart/form-data; boundary=" + boundary));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String id = WireJson.GSON.fromJson(r.body(), JsonObject.class).get("reference_id").getAsString();
        JsonObject run = WireJson.GSON.fromJson(v2.api.get("/api/runs/" + id, v2.token).body(), JsonObject.class)
                .getAsJsonObject("run");
        assertThat(run.get("name").getAsString()).isEqualTo("s.js");
        assertThat(run.get("vus").getAsLong()).isEqualTo(4);
        assertThat(run.get("duration").getAsLong()).isEqualTo(30);
        assertThat(run.getAsJsonObject("thresholds").toString())
                .isEqualTo("{\"http_req_duration\":[\"p(95)<300\",\"p(99)<900\"],\"checks\":[\"rate>0.9\"]}");
    }

    @Test
    void aMultipartCreateWhoseFileIsNoK6ArchiveIsA400NamingTheField() throws Exception {
        byte[] body = multipart("xx", Map.of("name", "s.js"), "not a tar".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> r = v2.raw("POST", CloudApi.TESTS_PATH, body, Map.of("Authorization", "Token " + v2.token,
                "Content-Type", "multipart/form-data; boundary=xx"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("field 'file'");
    }

    @Test
    void aRunStoppedFromTheServiceRefusesFurtherPushesWithK6sCode4() throws Exception {
        String id = WireJson.GSON.fromJson(v2.api.postJson(CloudApi.TESTS_PATH, v2.token,
                new TestRunRequest("stop", null, 1, Map.of(), 10)).body(), JsonObject.class).get("reference_id").getAsString();

        ApiClient.Response stopped = v2.api.post(CloudApi.TEST_PATH_PREFIX + id + "/stop", v2.token, new byte[0], Map.of());
        ApiClient.Response push = v2.push(id, new MetricSet(id, 1, List.of(new Metric("iterations", MetricType.COUNTER,
                List.of(new TimeSeries(List.of(), List.of(new CounterValue(1_700_000_000L, 1))))))), null);

        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        assertThat(stopped.body()).contains("\"run_state\":\"FINISHED\"").contains("\"run_status\":5");
        assertThat(push.status()).isEqualTo(403);
        assertThat(push.as(ApiError.class).error().code()).isEqualTo(CloudApi.ERROR_CODE_NO_MORE_METRICS);
    }

    static byte[] multipart(String boundary, Map<String, String> fields, byte[] file) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (var e : fields.entrySet()) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                    + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"archive.tar\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(file);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A ustar archive of text files, as Go's archive/tar writes one. */
    static byte[] tar(Map<String, String> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (var e : files.entrySet()) {
            byte[] data = e.getValue().getBytes(StandardCharsets.UTF_8);
            byte[] header = new byte[512];
            put(header, 0, e.getKey());
            put(header, 100, "0000644");
            put(header, 124, String.format("%011o", data.length));
            put(header, 136, "00000000000");
            header[156] = '0';
            put(header, 257, "ustar");
            put(header, 263, "00");
            for (int i = 148; i < 156; i++) {
                header[i] = ' ';
            }
            int sum = 0;
            for (byte b : header) {
                sum += b & 0xFF;
            }
            put(header, 148, String.format("%06o", sum));
            out.write(header);
            out.write(data);
            out.write(new byte[(512 - data.length % 512) % 512]);
        }
        out.write(new byte[1024]);
        return out.toByteArray();
    }

    private static void put(byte[] b, int at, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, b, at, bytes.length);
    }
}
