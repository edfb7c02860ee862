package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.weft.grpc.GrpcTestServer;
import dev.weft.grpc.TestCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * k6/net/grpc scripts through the real CLI against a real gRPC server in this JVM: the compat
 * script's samples carry k6's tags, and the init-only and VU-only rules fail as k6 fails.
 */
@Timeout(120)
class GrpcScriptTest {
    private static final Path COMPAT = Path.of("..", "compat").toAbsolutePath().normalize();
    private static GrpcTestServer plain;
    private static GrpcTestServer tls;
    private static Path cert;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        TestCertificate c = TestCertificate.create();
        plain = GrpcTestServer.start(null, "both");
        tls = GrpcTestServer.start(c, "none");
        cert = Files.createTempFile("weft-grpc-cert", ".pem");
        Files.writeString(cert, c.certPem());
    }

    @AfterAll
    static void stop() throws Exception {
        plain.close();
        tls.close();
        Files.deleteIfExists(cert);
    }

    private record Run(int code, String stdout, String stderr, List<JsonObject> points) {
        List<JsonObject> points(String metric) {
            return points.stream().filter(p -> p.get("metric").getAsString().equals(metric)).toList();
        }
    }

    private Run weft(Path script) throws Exception {
        FakeGlobalEnv g = new FakeGlobalEnv(dir, Map.of("HOME", dir.toString()));
        Path out = dir.resolve("out.json");
        int code = new Cli(g.env).run(List.of("run", "-q", "--no-color", "--address", "", "-e",
                "GRPC_ADDR=" + plain.address(), "-e", "GRPC_TLS=" + tls.address(), "-e", "GRPC_CERT=" + cert, "--out",
                "json=" + out, script.toString()));
        List<JsonObject> points = Files.exists(out) ? Files.readAllLines(out).stream()
                .map(l -> JsonParser.parseString(l).getAsJsonObject())
                .filter(o -> o.get("type").getAsString().equals("Point")).toList() : List.of();
        return new Run(code, g.stdout(), g.stderr(), points);
    }

    private static Map<String, String> tags(JsonObject point) {
        Map<String, String> m = new java.util.TreeMap<>();
        point.getAsJsonObject("data").getAsJsonObject("tags").entrySet()
                .forEach(e -> m.put(e.getKey(), e.getValue().getAsString()));
        return m;
    }

    @Test
    void theCompatScriptsCallsCarryK6sTags() throws Exception {
        Run run = weft(COMPAT.resolve("31-grpc.js"));

        assertThat(run.code()).as(run.stderr()).isZero();
        assertThat(run.points("checks")).hasSize(34)
                .allSatisfy(p -> assertThat(p.getAsJsonObject("data").get("value").getAsDouble()).isEqualTo(1));
        List<Map<String, String>> durations = run.points("grpc_req_duration").stream().map(GrpcScriptTest::tags).toList();
        assertThat(durations).hasSize(18);
        assertThat(durations).as("k6 records a health check with the VU's tags only")
                .contains(Map.of("group", "", "scenario", "default", "status", "0"));
        assertThat(durations).contains(Map.of("group", "::unary", "scenario", "default", "flavour", "plain",
                "name", "/weft.test.Echo/Say", "method", "Say", "service", "weft.test.Echo",
                "url", plain.address() + "/weft.test.Echo/Say", "status", "0"));
        assertThat(durations).filteredOn(t -> "Say".equals(t.get("method")) && "7".equals(t.get("status"))).hasSize(2);
        assertThat(durations).filteredOn(t -> "Spread".equals(t.get("method"))).extracting(t -> t.get("status"))
                .containsOnly("9");
        assertThat(durations).filteredOn(t -> t.getOrDefault("url", "").startsWith(tls.address())).hasSize(2);
        assertThat(run.points("grpc_streams").stream().map(GrpcScriptTest::tags)).hasSize(6)
                .contains(Map.of("group", "", "scenario", "default", "flavour", "bidi", "name", "/weft.test.Echo/Chat",
                        "method", "Chat", "service", "weft.test.Echo", "url", plain.address() + "/weft.test.Echo/Chat"));
        assertThat(run.points("grpc_streams_msgs_sent")).hasSize(12);
        assertThat(run.points("grpc_streams_msgs_received")).hasSize(12);
        assertThat(run.points("data_sent")).isNotEmpty();
        assertThat(run.points("data_received")).isNotEmpty();
    }

    @Test
    void connectingInInitCodeFailsTheInitAsK6Does() throws Exception {
        Path script = dir.resolve("init.js");
        Files.writeString(script, """
                import grpc from 'k6/net/grpc';
                const client = new grpc.Client();
                client.connect(__ENV.GRPC_ADDR, { plaintext: true });
                export default function () {}
                """);

        Run run = weft(script);

        assertThat(run.code()).isEqualTo(107);
        assertThat(run.stderr()).contains("connecting to a gRPC server in the init context is not supported");
    }

    @Test
    void loadingOutsideInitCodeAndCallingBeforeConnectingThrowK6sErrors() throws Exception {
        Path script = dir.resolve("vu.js");
        Files.writeString(script, """
                import grpc from 'k6/net/grpc';
                import { check } from 'k6';
                const client = new grpc.Client();
                export const options = { iterations: 1 };
                export default function () {
                  const errors = [];
                  for (const f of [() => client.load([], 'echo.proto'), () => client.invoke('a.B/C', {}),
                                   () => new grpc.Stream(client, 'a.B/C'),
                                   () => client.connect(__ENV.GRPC_ADDR, { plaintext: true, bogus: 1 })]) {
                    try { f(); errors.push('none'); } catch (e) { errors.push(String(e)); }
                  }
                  check(errors, {
                    'load': (e) => e[0] === 'GoError: load must be called in the init context',
                    'invoke': (e) => e[1] === 'GoError: no gRPC connection, you must call connect first',
                    'stream': (e) => e[2] === "GoError: invalid GRPC Stream's client: no gRPC connection, you must call connect first",
                    'connect params': (e) => e[3] === 'GoError: invalid grpc.connect() parameters: unknown connect param: "bogus"',
                  });
                }
                """);

        Run run = weft(script);

        assertThat(run.code()).as(run.stderr()).isZero();
        assertThat(run.points("checks")).hasSize(4)
                .allSatisfy(p -> assertThat(p.getAsJsonObject("data").get("value").getAsDouble()).as(run.stdout())
                        .isEqualTo(1));
    }

    @Test
    void anUncaughtModuleErrorIsLoggedAtTheScriptsFramesOnlyAsK6LogsIt() throws Exception {
        Path script = dir.resolve("uncaught.js");
        Files.writeString(script, """
                import grpc from 'k6/net/grpc';
                const client = new grpc.Client();
                export const options = { iterations: 1 };
                export default function () {
                  client.invoke('a.B/C', {});
                }
                """);

        Run run = weft(script);

        assertThat(run.code()).isZero();
        assertThat(run.stderr()).contains("GoError: no gRPC connection, you must call connect first")
                .contains("at default (").doesNotContain("weft:grpc.js");
    }

    @Test
    void theCompatProtoIsTheOneTheTestServerServes() throws Exception {
        assertThat(Files.readString(COMPAT.resolve("data/grpc/echo.proto"))).isEqualTo(GrpcTestServer.protoText());
    }

    @Test
    void protosetsBinaryMetadataDiscardedResponsesAndMutualTlsWithAnEncryptedKey() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl makes the encrypted client key");
        TestCertificate serverCert = TestCertificate.create();
        TestCertificate clientCert = TestCertificate.create();
        Path key = dir.resolve("client-key.pem");
        Files.writeString(key, clientCert.keyPem());
        Process p = new ProcessBuilder("openssl", "rsa", "-in", key.toString(), "-aes256", "-traditional", "-passout",
                "pass:s3cret", "-out", key.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor()).isZero();
        Files.writeString(dir.resolve("ca.pem"), serverCert.certPem());
        Files.writeString(dir.resolve("client-cert.pem"), clientCert.certPem());
        Path protos = Files.createDirectories(dir.resolve("protos"));
        Files.writeString(protos.resolve("echo.proto"), GrpcTestServer.protoText());
        Files.write(dir.resolve("echo.protoset"), dev.weft.grpc.ProtoCompiler.inUserCache()
                .compile(List.of(protos), List.of("echo.proto")).toByteArray());
        Path script = dir.resolve("more.js");
        Files.writeString(script, """
                import grpc from 'k6/net/grpc';
                import { check } from 'k6';
                export const options = { iterations: 1 };
                const client = new grpc.Client();
                const methods = client.loadProtoset('echo.protoset');
                const mutual = new grpc.Client();
                mutual.loadProtoset('echo.protoset');
                const CA = open('ca.pem'), CERT = open('client-cert.pem'), KEY = open('client-key.pem');
                export default function () {
                  client.connect(__ENV.GRPC_ADDR, { plaintext: true });
                  const r = client.invoke('weft.test.Echo/Say', { name: 'b' },
                    { metadata: { 'x-raw-bin': new Uint8Array([1, 2, 255]), 'x-text': 'plain' } });
                  const d = client.invoke('weft.test.Echo/Say', { name: 'd' }, { discardResponseMessage: true });
                  client.close();
                  mutual.connect(__ENV.MTLS_ADDR, { tls: { cacerts: CA, cert: CERT, key: KEY, password: 's3cret' } });
                  const m = mutual.invoke('weft.test.Echo/Say', { name: 'mutual' });
                  mutual.close();
                  check(null, {
                    'protoset methods': () => methods.length === 4,
                    'binary metadata': () => r.message.metadata['x-raw-bin'] === 'AQL/' && r.message.metadata['x-text'] === 'plain',
                    'discarded response': () => d.status === grpc.StatusOK && d.message === null,
                    'mutual TLS with an encrypted key': () => m.message.message === 'hello mutual',
                  });
                }
                """);
        try (GrpcTestServer mtls = GrpcTestServer.start(serverCert, "none", clientCert)) {
            FakeGlobalEnv g = new FakeGlobalEnv(dir, Map.of("HOME", dir.toString()));
            Path export = dir.resolve("export.json");
            int code = new Cli(g.env).run(List.of("run", "-q", "--no-color", "--address", "", "-e",
                    "GRPC_ADDR=" + plain.address(), "-e", "MTLS_ADDR=" + mtls.address(), "--summary-export",
                    export.toString(), script.toString()));

            assertThat(code).as(g.stderr()).isZero();
            JsonObject checks = JsonParser.parseString(Files.readString(export)).getAsJsonObject()
                    .getAsJsonObject("metrics").getAsJsonObject("checks");
            assertThat(checks.get("passes").getAsInt()).as(g.stdout() + g.stderr()).isEqualTo(4);
        }
    }
}
