package dev.weft.cli.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.segment.ExecutionTuple;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/entrypoint.sh, run by {@code sh} (dash here, as in many images): the segment it
 * picks for each Indexed Job completion index, checked with Weft's own segment parser, and
 * the image's class-path layout actually starting Weft.
 */
class EntrypointScriptTest {
    static Path script;

    @TempDir
    Path dir;

    @BeforeAll
    static void findScript() {
        script = Path.of(System.getProperty("user.dir")).resolve("../deploy/entrypoint.sh").normalize();
        assumeTrue(Files.isRegularFile(script), "deploy/entrypoint.sh not found from " + System.getProperty("user.dir"));
    }

    record Result(int exit, List<String> lines, String err) {
    }

    static Result sh(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("JOB_COMPLETION_INDEX");
        pb.environment().remove("WEFT_INSTANCES");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out.isEmpty() ? List.of() : List.of(out.split("\n")), err);
    }

    static List<String> dryRun(int instances, String index) throws Exception {
        Result r = sh(Map.of("WEFT_ENTRYPOINT_DRY_RUN", "1", "WEFT_INSTANCES", Integer.toString(instances),
                "JOB_COMPLETION_INDEX", index), "run", "-q", "test.js");
        assertThat(r.exit()).as(r.err()).isZero();
        return r.lines();
    }

    @ParameterizedTest(name = "{0} instances")
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 10, 16})
    void eachIndexGetsItsOwnSegmentAndTogetherTheyCoverTheWhole(int instances) throws Exception {
        long vus = 0;
        long iterations = 0;
        for (int i = 0; i < instances; i++) {
            List<String> args = dryRun(instances, Integer.toString(i));
            assertThat(args.subList(0, 2)).containsExactly("run", "--execution-segment");
            assertThat(args.get(3)).isEqualTo("--execution-segment-sequence");
            assertThat(args.subList(5, args.size())).containsExactly("-q", "test.js");

            ExecutionTuple tuple = ExecutionTuple.parse(args.get(2), args.get(4));
            assertThat(tuple.index()).isEqualTo(i);
            assertThat(tuple.sequence().sequence().segments()).hasSize(instances);
            vus += tuple.scale(50);
            iterations += tuple.scale(100_003);
        }
        assertThat(vus).isEqualTo(50);
        assertThat(iterations).isEqualTo(100_003);
    }

    @Test
    void anIndexWithLeadingZerosIsDecimalNotOctal() throws Exception {
        assertThat(dryRun(10, "09")).containsSequence("--execution-segment", "9/10:1");
    }

    @Test
    void badCountsAndIndexesStopWithExitCode2() throws Exception {
        Map<String, Map<String, String>> cases = Map.of(
                "not below", Map.of("WEFT_INSTANCES", "3", "JOB_COMPLETION_INDEX", "3"),
                "at least 1", Map.of("WEFT_INSTANCES", "0", "JOB_COMPLETION_INDEX", "0"),
                "is not a whole number", Map.of("WEFT_INSTANCES", "3"),
                "got 'x'", Map.of("WEFT_INSTANCES", "x", "JOB_COMPLETION_INDEX", "0"));
        for (var c : cases.entrySet()) {
            Result r = sh(c.getValue(), "run", "test.js");
            assertThat(r.exit()).as(c.getKey()).isEqualTo(2);
            assertThat(r.err()).contains(c.getKey());
        }
    }

    @Test
    void otherCommandsAndRunsWithoutInstancesPassThrough() throws Exception {
        assertThat(sh(Map.of("WEFT_ENTRYPOINT_DRY_RUN", "1"), "cloud", "serve", "--port", "8270").lines())
                .containsExactly("cloud", "serve", "--port", "8270");
        assertThat(sh(Map.of("WEFT_ENTRYPOINT_DRY_RUN", "1"), "run", "a.js").lines()).containsExactly("run", "a.js");
    }

    @Test
    void theImagesClassPathLayoutStartsWeft() throws Exception {
        Path root = script.getParent().getParent();
        assumeTrue(Files.isDirectory(root.resolve("cli/target/lib")), "cli/target/lib is built by mvn package");
        Path home = dir.resolve("weft");
        Files.createDirectories(home.resolve("classes"));
        for (String m : List.of("cli", "core", "runtime-js", "target-server", "cloud-wire", "outputs", "cloud")) {
            link(home.resolve("classes/" + m), root.resolve(m + "/target/classes"));
        }
        link(home.resolve("lib"), root.resolve("cli/target/lib"));
        String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();

        Result r = sh(Map.of("WEFT_HOME", home.toString(), "PATH", javaBin + ":" + System.getenv("PATH")), "version");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(String.join("\n", r.lines())).containsIgnoringCase("weft");
    }

    private static void link(Path link, Path target) throws IOException {
        Files.createSymbolicLink(link, target);
    }
}
