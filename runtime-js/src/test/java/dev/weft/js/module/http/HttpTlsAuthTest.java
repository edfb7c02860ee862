package dev.weft.js.module.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.weft.http.HttpEngine;
import dev.weft.js.JsProgram;
import dev.weft.js.JsVu;
import dev.weft.js.JsVuFactory;
import dev.weft.js.ScriptInfo;
import dev.weft.js.module.BuiltinModules;
import dev.weft.js.module.TestServices;
import dev.weft.metrics.MetricRegistry;
import dev.weft.metrics.SampleSink;
import dev.weft.metrics.Tags;
import dev.weft.options.OptionsException;
import dev.weft.options.TestOptions;
import dev.weft.target.ClientCertServer;
import dev.weft.vu.IterationContext;
import dev.weft.vu.IterationOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * k6's {@code tlsAuth} with a {@code password}, end to end as {@code weft run} takes it: the script
 * exports the option with {@code open()}ed PEM files, the engine is built from the script's
 * options, and a VU's request authenticates to a real TLS server that needs a client certificate.
 * The key files are openssl-made copies of core's fixtures (tlsauth/README.md).
 */
class HttpTlsAuthTest {
    private static ClientCertServer server;
    @TempDir
    Path dir;
    private final ConcurrentLinkedQueue<String> console = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() throws Exception {
        server = ClientCertServer.start(List.of(certificate("ec.crt"), certificate("rsa.crt")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static X509Certificate certificate(String name) throws Exception {
        try (InputStream in = fixture(name)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static InputStream fixture(String name) {
        return HttpTlsAuthTest.class.getResourceAsStream("tlsauth/" + name);
    }

    /** Writes the fixtures as client.crt and client.key beside a script exporting tlsAuth with this password. */
    private Path script(String certFile, String keyFile, String password) throws IOException {
        try (InputStream cert = fixture(certFile); InputStream key = fixture(keyFile)) {
            Files.copy(cert, dir.resolve("client.crt"));
            Files.copy(key, dir.resolve("client.key"));
        }
        return Files.writeString(dir.resolve("script.js"), """
                import http from 'k6/http';
                export const options = {
                  insecureSkipTLSVerify: true,
                  tlsAuth: [{ domains: ['localhost'], cert: open('./client.crt'), key: open('./client.key'),
                              password: '%s' }],
                };
                export default function () {
                  const r = http.get(__ENV.URL);
                  console.log(JSON.stringify({ status: r.status, body: r.body, error: r.error }));
                }
                """.formatted(password));
    }

    private TestServices services(TestOptions options, HttpEngine http) {
        return new TestServices(Map.of("URL", server.baseUrl() + "/"), options, MetricRegistry.withBuiltins(),
                SampleSink.DISCARD, http, Clock.systemUTC(), Tags.EMPTY, dir, (level, text) -> console.add(text));
    }

    /** The script's exported options, read in the init context as the CLI reads them. */
    private TestOptions scriptOptions(JsProgram program) throws Exception {
        HttpEngine initHttp = new HttpEngine(HttpModule.engineConfig(TestOptions.of(new JsonObject())), Clock.systemUTC());
        try {
            ScriptInfo info = ScriptInfo.read(program, services(TestOptions.of(new JsonObject()), initHttp));
            return TestOptions.of(JsonParser.parseString(info.optionsJson()).getAsJsonObject());
        } finally {
            initHttp.close();
        }
    }

    @ParameterizedTest(name = "{1} with its password authenticates as {2}")
    @CsvSource({
            "ec.crt,  ec-legacy-aes128.key, CN=weft-ec-client",
            "rsa.crt, rsa-pkcs8-aes256.key, CN=weft-rsa-client",
    })
    void aScriptsTlsAuthWithAPasswordAuthenticatesItsRequests(String certFile, String keyFile, String subject)
            throws Exception {
        try (JsProgram program = JsProgram.load(script(certFile, keyFile, "weft-secret"), BuiltinModules.create())) {
            TestOptions options = scriptOptions(program);
            HttpEngine http = new HttpEngine(HttpModule.engineConfig(options), Clock.systemUTC());
            JsVu vu = new JsVuFactory(program, services(options, http)).createOrThrow(1);
            try {
                IterationOutcome outcome = vu.runIteration(new IterationContext("default", "default", 0, 0,
                        Tags.of("scenario", "default"), null));

                assertThat(outcome).as(console.toString()).isEqualTo(IterationOutcome.COMPLETED);
            } finally {
                vu.close();
                http.close();
            }
        }
        JsonObject result = JsonParser.parseString(console.peek()).getAsJsonObject();
        assertThat(result.get("error").getAsString()).isEmpty();
        assertThat(result.get("status").getAsInt()).isEqualTo(200);
        assertThat(result.get("body").getAsString()).isEqualTo(subject);
    }

    @Test
    void aWrongPasswordInTheScriptRefusesTheTestWithAnOptionError() throws Exception {
        try (JsProgram program = JsProgram.load(script("ec.crt", "ec-legacy-aes128.key", "guess"),
                BuiltinModules.create())) {
            TestOptions options = scriptOptions(program);

            assertThatThrownBy(() -> new HttpEngine(HttpModule.engineConfig(options), Clock.systemUTC()))
                    .isInstanceOf(OptionsException.class)
                    .hasMessage("option \"tlsAuth\" entry 0 (domains: localhost): wrong password for the key");
        }
    }
}
