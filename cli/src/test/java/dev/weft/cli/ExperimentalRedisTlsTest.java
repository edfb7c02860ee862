package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code k6/experimental/redis} over TLS against a real redis-server with a fresh self-signed
 * certificate: a {@code rediss://} URL with k6's insecureSkipTLSVerify, an options object trusting
 * the certificate through {@code socket.tls.ca}, and a refusal when neither is given.
 */
class ExperimentalRedisTlsTest {
    private static final char[] PASSWORD = "weft-redis".toCharArray();

    @TempDir
    static Path serverDir;
    static RedisServer redis;
    static int tlsPort;
    static String certPem;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        Path store = serverDir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "redis", "-keyalg", "EC",
                "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", "CN=localhost",
                "-validity", "30", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)))
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD);
        }
        certPem = pem("CERTIFICATE", ks.getCertificate("redis").getEncoded());
        Files.writeString(serverDir.resolve("cert.pem"), certPem);
        Files.writeString(serverDir.resolve("key.pem"), pem("PRIVATE KEY", ks.getKey("redis", PASSWORD).getEncoded()));
        tlsPort = RedisServer.freePort();
        redis = RedisServer.startOrSkip(serverDir, "--tls-port", String.valueOf(tlsPort), "--tls-cert-file",
                serverDir.resolve("cert.pem").toString(), "--tls-key-file", serverDir.resolve("key.pem").toString(),
                "--tls-auth-clients", "no");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    @AfterAll
    static void stop() {
        if (redis != null) {
            redis.close();
        }
    }

    private record Run(int code, String stderr) {
    }

    private Run weft(String script, String... env) throws Exception {
        Files.writeString(dir.resolve("s.js"), script);
        Files.writeString(dir.resolve("ca.pem"), certPem);
        FakeGlobalEnv g = new FakeGlobalEnv(dir, Map.of("HOME", dir.toString()));
        int code = new Cli(g.env).run(List.of("run", "-q", "--no-color", "--address", "", "--log-format", "raw",
                "-e", "TLS_PORT=" + tlsPort, "s.js"));
        return new Run(code, g.stderr());
    }

    @Test
    void a_rediss_url_connects_over_tls_when_k6s_insecure_skip_tls_verify_is_set() throws Exception {
        Run run = weft("""
                import redis from 'k6/experimental/redis';
                export const options = { iterations: 1, insecureSkipTLSVerify: true };
                const c = new redis.Client(`rediss://localhost:${__ENV.TLS_PORT}`);
                export default async function () {
                  await c.set('tls', 'over-tls');
                  console.log('read back: ' + await c.get('tls'));
                }
                """);
        assertThat(run.code()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("read back: over-tls");
    }

    @Test
    void an_options_object_trusts_the_servers_certificate_through_socket_tls_ca() throws Exception {
        Run run = weft("""
                import redis from 'k6/experimental/redis';
                export const options = { iterations: 1 };
                const ca = open('./ca.pem');
                const c = new redis.Client({ socket: { host: 'localhost', port: Number(__ENV.TLS_PORT),
                                                       tls: { ca: [ca] } } });
                const untrusted = new redis.Client(`rediss://localhost:${__ENV.TLS_PORT}`);
                export default async function () {
                  console.log('echo: ' + await c.sendCommand('ECHO', 'trusted'));
                  try { await untrusted.get('tls'); console.log('untrusted connected'); }
                  catch (e) { console.log('untrusted: ' + e); }
                }
                """);
        assertThat(run.code()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("echo: trusted").contains("untrusted: tls: failed to verify certificate: x509: certificate signed by unknown authority")
                .doesNotContain("untrusted connected");
    }
}
