package dev.weft.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * k6's tlsAuth against a real TLS server that needs a client certificate (and trusts only the one
 * made here). Key pairs come from the JDK's keytool; the client's is handed over as PEM.
 */
class ClientCertificatesTest {
    private static final char[] PW = "changeit".toCharArray();
    @TempDir
    static Path dir;
    private static SSLServerSocket server;
    private static String certPem;
    private static String keyPem;

    @BeforeAll
    static void start() throws Exception {
        KeyStore serverKeys = keyPair("server", "EC", "CN=localhost");
        KeyStore clientKeys = keyPair("client", "RSA", "CN=weft-client");
        X509Certificate clientCert = (X509Certificate) clientKeys.getCertificate("client");
        certPem = pem("CERTIFICATE", clientCert.getEncoded());
        keyPem = pem("PRIVATE KEY", ((PrivateKey) clientKeys.getKey("client", PW)).getEncoded());

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("client", clientCert);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(serverKeys, PW);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        server = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setNeedClientAuth(true);
        Thread.ofVirtual().start(ClientCertificatesTest::serve);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** Answers each request with the subject of the client's certificate. */
    private static void serve() {
        while (!server.isClosed()) {
            try (SSLSocket s = (SSLSocket) server.accept()) {
                s.startHandshake();
                String subject = ((X509Certificate) s.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
                InputStream in = s.getInputStream();
                int matched = 0;
                while (matched < 4) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
                }
                byte[] body = subject.getBytes(StandardCharsets.UTF_8);
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            } catch (Exception e) {
                // a client without a certificate fails its handshake: serve the next one
            }
        }
    }

    private static KeyStore keyPair(String alias, String alg, String dname) throws Exception {
        Path store = dir.resolve(alias + ".p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", alias, "-keyalg", alg,
                "-dname", dname, "-validity", "2", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(PW),
                "-keypass", new String(PW)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PW);
        }
        return ks;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static HttpResponse send(List<TlsAuth> auth) {
        HttpEngine engine = new HttpEngine(HttpClientConfig.defaults().withInsecureSkipTlsVerify(true)
                .withTlsAuth(auth), Clock.systemUTC());
        try (VuHttpClient http = engine.newVuClient()) {
            return http.send(HttpRequest.get("https://localhost:" + server.getLocalPort() + "/"));
        } finally {
            engine.close();
        }
    }

    @Test
    void aCertificateForTheServersDomainIsPresentedAndAccepted() {
        HttpResponse r = send(List.of(new TlsAuth(List.of("localhost"), certPem, keyPem)));

        assertThat(r.error()).isEmpty();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bodyText()).isEqualTo("CN=weft-client");
    }

    @Test
    void aCertificateForAnotherDomainIsNotPresentedSoTheServerRefuses() {
        HttpResponse r = send(List.of(new TlsAuth(List.of("other.test"), certPem, keyPem)));

        assertThat(r.status()).isZero();
        assertThat(r.errorCode()).isBetween(1000, 1399);
    }

    @Test
    void withoutTlsAuthTheServerRefuses() {
        HttpResponse r = send(List.of());

        assertThat(r.status()).isZero();
        assertThat(r.error()).isNotEmpty();
    }

    @Test
    void wildcardDomainsMatchSubdomainsOnly() {
        ClientCertificates certs = new ClientCertificates(List.of(new TlsAuth(List.of("*.example.com"), certPem, keyPem)));

        assertThat(certs.getPrivateKey("tlsAuth-0").getAlgorithm()).isEqualTo("RSA");
        assertThat(certs.chooseEngineClientAlias(new String[] {"RSA"}, null, engineFor("api.example.com")))
                .isEqualTo("tlsAuth-0");
        assertThat(certs.chooseEngineClientAlias(new String[] {"RSA"}, null, engineFor("example.org"))).isNull();
    }

    private static javax.net.ssl.SSLEngine engineFor(String host) {
        try {
            return SSLContext.getDefault().createSSLEngine(host, 443);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
