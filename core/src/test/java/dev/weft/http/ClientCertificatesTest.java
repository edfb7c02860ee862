package dev.weft.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.options.OptionsException;
import dev.weft.target.ClientCertServer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * k6's tlsAuth against a real TLS server that needs a client certificate (and trusts only the ones
 * made here and the fixtures' in tlsauth/). One key pair comes from the JDK's keytool and is handed
 * over as plain PEM; the password-protected fixtures were made by the openssl CLI.
 */
class ClientCertificatesTest {
    private static final char[] PW = "changeit".toCharArray();
    @TempDir
    static Path dir;
    private static ClientCertServer server;
    private static String certPem;
    private static String keyPem;

    @BeforeAll
    static void start() throws Exception {
        KeyStore clientKeys = keyPair("client", "RSA", "CN=weft-client");
        X509Certificate clientCert = (X509Certificate) clientKeys.getCertificate("client");
        certPem = pem("CERTIFICATE", clientCert.getEncoded());
        keyPem = pem("PRIVATE KEY", ((PrivateKey) clientKeys.getKey("client", PW)).getEncoded());
        server = ClientCertServer.start(List.of(clientCert, PrivateKeyPemTest.certificate("rsa.crt"),
                PrivateKeyPemTest.certificate("ec.crt")));
    }

    @AfterAll
    static void stop() {
        server.close();
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
            return http.send(HttpRequest.get(server.baseUrl() + "/"));
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

    @ParameterizedTest(name = "{0} with its password authenticates as {2}")
    @CsvSource({
            "rsa-pkcs8-aes256.key,  rsa.crt, CN=weft-rsa-client",
            "rsa-legacy-aes256.key, rsa.crt, CN=weft-rsa-client",
            "ec-pkcs8-aes256.key,   ec.crt,  CN=weft-ec-client",
            "ec-legacy-aes128.key,  ec.crt,  CN=weft-ec-client",
    })
    void aPasswordProtectedKeyIsDecryptedAndTheServerAcceptsItsCertificate(String keyFile, String certFile,
            String subject) {
        HttpResponse r = send(List.of(new TlsAuth(List.of("localhost"), PrivateKeyPemTest.fixture(certFile),
                PrivateKeyPemTest.fixture(keyFile), PrivateKeyPemTest.PASSWORD)));

        assertThat(r.error()).isEmpty();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bodyText()).isEqualTo(subject);
    }

    @Test
    void aKeyThatCannotBeDecryptedIsAnOptionErrorNamingTheEntrysDomains() {
        TlsAuth plain = new TlsAuth(List.of("other.test"), certPem, keyPem);
        TlsAuth wrong = new TlsAuth(List.of("localhost", "*.example.com"), PrivateKeyPemTest.fixture("ec.crt"),
                PrivateKeyPemTest.fixture("ec-legacy-aes128.key"), "guess");

        assertThatThrownBy(() -> send(List.of(plain, wrong))).isInstanceOf(OptionsException.class)
                .hasMessage("option \"tlsAuth\" entry 1 (domains: localhost, *.example.com): wrong password for the key");
    }

    @Test
    void aTlsAuthEntryDoesNotShowItsKeyOrPassword() {
        TlsAuth auth = new TlsAuth(List.of("localhost"), certPem, keyPem, "secret");

        assertThat(auth.toString()).isEqualTo("TlsAuth[domains=[localhost], password=***]");
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
