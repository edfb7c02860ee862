package dev.weft.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class H2ListenerTest {
    private static TargetServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        server = TargetServer.startOnLoopback();
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        client = HttpClient.newBuilder().sslContext(trustAll).version(HttpClient.Version.HTTP_2).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(server.h2BaseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void getIsEchoedOverHttp2() throws Exception {
        HttpResponse<String> r = get("/get?a=1");

        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(r.body()).contains("\"a\": \"1\"").contains("https://127.0.0.1:");
    }

    @Test
    void statusRoutesAnswerWithTheirCode() throws Exception {
        HttpResponse<String> r = get("/status/418");

        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(r.statusCode()).isEqualTo(418);
    }

    @Test
    void theH2PortHasItsOwnAddress() {
        assertThat(server.h2BaseUrl()).startsWith("https://127.0.0.1:").isNotEqualTo(server.httpsBaseUrl());
    }
}
