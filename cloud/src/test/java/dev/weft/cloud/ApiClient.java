package dev.weft.cloud;

import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.WireJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** A plain HTTP client for tests that talk to the service the way k6 does. */
public final class ApiClient {
    /** A response's status and body text. */
    public record Response(int status, String body) {
        public <T> T as(Class<T> type) {
            return WireJson.GSON.fromJson(body, type);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Response get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20)).GET();
        if (token != null) {
            b.header(CloudApi.AUTHORIZATION_HEADER, CloudApi.authorization(token));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body());
    }

    public Response postJson(String path, String token, Object body) throws IOException, InterruptedException {
        return post(path, token, WireJson.GSON.toJson(body).getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** Posts JSON text gzipped, as k6 posts metrics. */
    public Response postGzip(String path, String token, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        Map<String, String> h = new java.util.HashMap<>(headers);
        h.put("Content-Encoding", "gzip");
        return post(path, token, gzip(json.getBytes(StandardCharsets.UTF_8)), h);
    }

    public Response post(String path, String token, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json");
        if (token != null) {
            b.header(CloudApi.AUTHORIZATION_HEADER, CloudApi.authorization(token));
        }
        headers.forEach(b::header);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body());
    }

    public static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
