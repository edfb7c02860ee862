package dev.weft.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TargetServerTest {
    private static TargetServer server;

    @BeforeAll
    static void start() throws IOException {
        server = TargetServer.startOnLoopback();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Sends raw request bytes and reads until the server closes (each request asks it to). */
    private static String exchange(Socket socket, String request) throws IOException {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            in.transferTo(got);
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static Socket plain() throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), server.port());
    }

    @Test
    void theRootAnswersATinyBody() throws IOException {
        String r = exchange(plain(), "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(r).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: 3\r\n").endsWith("\r\n\r\nok\n");
    }

    @Test
    void postEchoesFormFieldsAndAChunkedRequestBody() throws IOException {
        String r = exchange(plain(), "POST /post?q=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\na=1&b\r\n4\r\n=two\r\n0\r\n\r\n");

        assertThat(r).contains("\"args\": {\"q\": \"1\"}").contains("\"form\": {\"a\": \"1\", \"b\": \"two\"}")
                .contains("\"method\": \"POST\"");
    }

    @Test
    void postEchoesABodySentWithAContentEncodingAlsoDecoded() throws IOException {
        byte[] body = ContentCodings.encode(ContentCodings.encode("a".repeat(300).getBytes(StandardCharsets.UTF_8),
                "zstd"), "br");
        String r = exchange(plain(), "POST /post HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Content-Encoding: zstd, br\r\nContent-Length: " + body.length + "\r\n\r\n"
                + new String(body, StandardCharsets.ISO_8859_1));

        assertThat(r).contains("\"decoded\": \"" + "a".repeat(300) + "\"");
    }

    @Test
    void aKeepAliveConnectionServesSeveralRequests() throws IOException {
        String r = exchange(plain(), "GET /connection-id HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /status/418 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(r).contains("HTTP/1.1 200 OK").contains("HTTP/1.1 418 I'm a teapot");
    }

    @Test
    void httpsServesTheSameRoutesWithASelfSignedCertificate() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
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
        SSLSocket tls = (SSLSocket) ctx.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                server.httpsPort());
        tls.startHandshake();
        X509Certificate cert = (X509Certificate) tls.getSession().getPeerCertificates()[0];

        String r = exchange(tls, "GET /get HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(cert.getSubjectX500Principal().getName()).contains("CN=localhost");
        assertThat(r).startsWith("HTTP/1.1 200 OK").contains("\"url\": \"https://x/get\"");
    }

    @Test
    void closingStopsListening() throws IOException {
        TargetServer other = TargetServer.startOnLoopback();
        int port = other.port();
        other.close();

        // The port is free again: a listener can bind it. (Connecting to it instead flaked once in
        // CI: a client whose ephemeral port equals the freed port connects to itself on Linux.) The
        // listener's close can take a moment to reach the kernel on a busy machine: a few tries.
        assertThat(bindsWithin(port, 50)).as("port %d free after close", port).isTrue();
    }

    private static boolean bindsWithin(int port, int tries) {
        for (int i = 0; i < tries; i++) {
            try (java.net.ServerSocket again = new java.net.ServerSocket()) {
                again.setReuseAddress(true);
                again.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
                return again.getLocalPort() == port;
            } catch (IOException busy) {
                try {
                    Thread.sleep(40);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }
}
