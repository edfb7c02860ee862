package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.weft.grpc.GrpcTestServer;
import dev.weft.grpc.TestCertificate;
import dev.weft.target.TargetServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every script of the project's {@code compat/} folder through the real CLI against the
 * built-in target (and the gRPC test server, for k6/net/grpc scripts) and checks the counts and
 * exit code its {@code // expect:} line states.
 */
class CompatSuiteTest {
    private static final Path COMPAT = Path.of("..", "compat").toAbsolutePath().normalize();
    static TargetServer target;
    /** Started for the first script whose expect line says needs=redis; skipped without redis-server. */
    static RedisServer redis;
    @TempDir
    static Path redisDir;
    static GrpcTestServer grpc;
    static GrpcTestServer grpcTls;
    static Path grpcCert;

    @TempDir
    Path dir;

    @BeforeAll
    static void startTarget() throws Exception {
        target = TargetServer.startOnLoopback();
        TestCertificate cert = TestCertificate.create();
        grpc = GrpcTestServer.start(null, "both");
        grpcTls = GrpcTestServer.start(cert, "none");
        grpcCert = Files.createTempFile("weft-grpc-cert", ".pem");
        Files.writeString(grpcCert, cert.certPem());
    }

    @AfterAll
    static void stopTarget() throws IOException {
        target.close();
        if (redis != null) {
            redis.close();
        }
        grpc.close();
        grpcTls.close();
        Files.deleteIfExists(grpcCert);
    }

    static Stream<String> scripts() throws IOException {
        try (Stream<Path> files = Files.list(COMPAT)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".js") || n.endsWith(".ts"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void runs_as_its_expect_line_says(String script) throws Exception {
        Path file = COMPAT.resolve(script);
        Map<String, String> expect = expectations(Files.readAllLines(file));
        FakeGlobalEnv g = new FakeGlobalEnv(dir, Map.of("HOME", dir.toString()));
        Path export = dir.resolve("export.json");
        List<String> args = new java.util.ArrayList<>(List.of("run", "-q", "--no-color", "--address", "", "-e",
                "BASE_URL=" + target.baseUrl(), "-e", "GRPC_ADDR=" + grpc.address(), "-e",
                "GRPC_TLS=" + grpcTls.address(), "-e", "GRPC_CERT=" + grpcCert, "--summary-export",
                export.toString()));
        if ("redis".equals(expect.get("needs"))) {
            if (redis == null) {
                redis = RedisServer.startOrSkip(redisDir);
            }
            args.addAll(List.of("-e", "REDIS_URL=" + redis.url()));
        }
        args.add(file.toString());
        int code = new Cli(g.env).run(args);
        String context = "stdout:\n" + g.stdout() + "\nstderr:\n" + g.stderr();
        assertThat(code).as(context).isEqualTo(Integer.parseInt(expect.getOrDefault("exit", "0")));
        JsonObject metrics = Files.exists(export)
                ? JsonParser.parseString(Files.readString(export)).getAsJsonObject().getAsJsonObject("metrics")
                : new JsonObject();
        expect.forEach((key, want) -> {
            if (key.equals("exit") || key.equals("needs")) {
                return;
            }
            if (key.startsWith("stdout~") || key.startsWith("stderr~")) {
                String text = key.substring(7).replace('_', ' ');
                assertThat(key.startsWith("stdout") ? g.stdout() : g.stderr()).as(context).contains(text);
                return;
            }
            assertThat(value(metrics, key)).as(key + " in " + metrics + "\n" + context)
                    .isEqualTo(Double.parseDouble(want));
        });
    }

    /** The {@code // expect:} line: {@code key=value} words, {@code stdout~text} words. */
    private static Map<String, String> expectations(List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        String line = lines.stream().filter(l -> l.startsWith("// expect:")).findFirst()
                .orElseThrow(() -> new AssertionError("no // expect: line"));
        for (String word : line.substring("// expect:".length()).trim().split("\\s+")) {
            int eq = word.indexOf('=');
            if (word.contains("~") && (eq < 0 || word.indexOf('~') < eq)) {
                out.put(word, "");
            } else {
                out.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return out;
    }

    private static double value(JsonObject metrics, String key) {
        String metric;
        String field;
        switch (key) {
            case "checks_passed" -> {
                metric = "checks";
                field = "passes";
            }
            case "checks_failed" -> {
                metric = "checks";
                field = "fails";
            }
            default -> {
                int dot = key.indexOf('.');
                metric = dot < 0 ? key : key.substring(0, dot);
                field = dot < 0 ? "count" : key.substring(dot + 1);
            }
        }
        JsonObject m = metrics.getAsJsonObject(metric);
        if (m == null) {
            return 0;
        }
        JsonElement v = m.get(field);
        return v == null ? 0 : Math.round(v.getAsDouble() * 1000) / 1000.0;
    }
}
