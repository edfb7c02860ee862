package dev.weft.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * jvm-options.sh, the launcher's functions, run by bash against JDK folders made here (a
 * release file is all they read), so the flags for JDKs this machine lacks (21-24) are checked
 * too, and the AOT cache is used only when the JDK can and the cache is newer than the build.
 */
class JvmOptionsScriptTest {
    static Path script;

    @TempDir
    Path dir;

    @BeforeAll
    static void findScript() {
        script = Path.of(System.getProperty("user.dir")).resolve("../jvm-options.sh").normalize();
        assumeTrue(Files.isRegularFile(script), "jvm-options.sh not found from " + System.getProperty("user.dir"));
    }

    /** Sources jvm-options.sh and runs {@code call}; returns its output (it must exit 0). */
    private String bash(String call) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", ". \"$0\"; " + call, script.toString())
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.strip();
    }

    private String bashWithJdk(Path javaHome, String call) throws Exception {
        return bash("export JAVA_HOME='" + javaHome + "'; " + call);
    }

    private Path jdk(String name, String version) throws Exception {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\nJAVA_RUNTIME_VERSION=\""
                + version + "+7-LTS\"\n");
        return home;
    }

    @ParameterizedTest(name = "JAVA_VERSION {0} is feature version {1}")
    @CsvSource({"21.0.5, 21", "24, 24", "25.0.3, 25", "1.8.0_392, 8", "26-ea, 26"})
    void theJdksVersionComesFromItsReleaseFile(String version, int major) throws Exception {
        Path home = jdk("jdk", version);

        assertThat(bash("weft_java_major '" + home + "'")).isEqualTo(String.valueOf(major));
    }

    @Test
    void jdk21GetsNoFlagItWouldRefuseAndNoAotCache() throws Exception {
        Path home = jdk("jdk21", "21.0.5");

        String opts = bashWithJdk(home, "weft_jvm_options '" + dir + "'");

        assertThat(opts).contains("--enable-native-access=ALL-UNNAMED")
                .doesNotContain("UseCompactObjectHeaders", "--sun-misc-unsafe-memory-access", "AOTCache");
    }

    @Test
    void jdk24GetsTheUnsafeFlagButNeitherCompactHeadersNorTheCache() throws Exception {
        Path home = jdk("jdk24", "24.0.2");
        Path repo = builtRepo();
        Files.createFile(repo.resolve("cli/target/aot/weft-24.0.2_7_LTS.aot"));

        String opts = bashWithJdk(home, "weft_jvm_options '" + repo + "'");

        assertThat(opts).contains("--sun-misc-unsafe-memory-access=allow")
                .doesNotContain("UseCompactObjectHeaders", "AOTCache");
    }

    @Test
    void jdk25UsesACacheMadeAfterTheBuildAndNotAStaleOne() throws Exception {
        Path home = jdk("jdk25", "25.0.3");
        Path repo = builtRepo();
        Path cache = repo.resolve("cli/target/aot/weft-25.0.3_7_LTS.aot");
        Files.createFile(cache);
        Path stamp = repo.resolve("cli/target/lib/.built");
        Files.setLastModifiedTime(stamp, FileTime.fromMillis(System.currentTimeMillis() - 60_000));

        String fresh = bashWithJdk(home, "weft_jvm_options '" + repo + "'");
        Files.setLastModifiedTime(stamp, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        String stale = bashWithJdk(home, "weft_jvm_options '" + repo + "'");
        String off = bashWithJdk(home, "WEFT_AOT=0 weft_jvm_options '" + repo + "'");

        assertThat(fresh).contains("-XX:+UseCompactObjectHeaders", "-XX:AOTCache=" + cache, "-Xlog:aot=off");
        assertThat(stale).contains("-XX:+UseCompactObjectHeaders").doesNotContain("AOTCache");
        assertThat(off).doesNotContain("AOTCache");
    }

    @Test
    void withTheCacheAJarRewrittenForItAfterTheBuildReplacesTheOriginalOnTheClassPath() throws Exception {
        Path jdk25 = jdk("jdk25", "25.0.3");
        Path jdk21 = jdk("jdk21", "21.0.5");
        Path repo = builtRepo();
        Path rewritten = repo.resolve("cli/target/aot/lib/a-1.jar");
        Files.createDirectories(rewritten.getParent());
        Files.createFile(rewritten);

        String fresh = bashWithJdk(jdk25, "weft_classpath '" + repo + "'");
        String noCache = bashWithJdk(jdk21, "weft_classpath '" + repo + "'");
        Files.setLastModifiedTime(rewritten, FileTime.fromMillis(System.currentTimeMillis() - 600_000));
        String stale = bashWithJdk(jdk25, "weft_classpath '" + repo + "'");

        assertThat(fresh).isEqualTo(repo.resolve("cli/target/weft-cli-0.1.0.jar") + ":" + rewritten);
        assertThat(noCache).isEqualTo(repo.resolve("cli/target/weft-cli-0.1.0.jar") + ":"
                + repo.resolve("cli/target/lib/a-1.jar"));
        assertThat(stale).isEqualTo(noCache);
    }

    @ParameterizedTest(name = "weft {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "run script.js | -Xms32m -XX:+UseParallelGC -XX:GCTimeRatio=19 -XX:MaxNewSize=128m",
        "quickstart | -Xms32m -XX:+UseParallelGC -XX:GCTimeRatio=19 -XX:MaxNewSize=128m",
        "cloud run script.js | -Xms32m -XX:+UseParallelGC -XX:GCTimeRatio=19 -XX:MaxNewSize=128m",
        "target | -Xms64m",
        "cloud serve --port 8270 | -Xms64m -Xmx512m",
        "version | -Xms64m -XX:TieredStopAtLevel=1",
        "inspect script.js | -Xms64m -XX:TieredStopAtLevel=1",
        "'' | -Xms64m -XX:TieredStopAtLevel=1"})
    void flagsFollowTheCommand(String args, String flags) throws Exception {
        assertThat(bash("WEFT_JAVA_OPTS='' weft_command_options " + args)).isEqualTo(flags);
    }

    @ParameterizedTest(name = "WEFT_JAVA_OPTS={0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "-XX:+UseG1GC | -Xms32m",
        "-Xmx8g -XX:+UseSerialGC -Xss1m | -Xms32m",
        "-XX:+UseCompressedOops | -Xms32m -XX:+UseParallelGC -XX:GCTimeRatio=19 -XX:MaxNewSize=128m"})
    void aCollectorNamedInWeftJavaOptsReplacesWeftsOwn(String userFlags, String flags) throws Exception {
        // the JVM refuses two collectors: the user's choice wins
        assertThat(bash("WEFT_JAVA_OPTS='" + userFlags + "' weft_command_options run script.js")).isEqualTo(flags);
    }

    @ParameterizedTest(name = "weft {0}: C1 only {1}")
    @CsvSource(delimiter = '|', value = {
        "run plain.js | true",
        "cloud run plain.js | true",
        "run -q -e URL=http://127.0.0.1:1/ plain.js | true",
        "run -i 1 plain.js | true",
        "run --vus 5 --iterations=10 options.js | true",
        "run -i5 options.js | true",
        "run options.js | false",
        "run reexport.js | false",
        "run --iterations 11 plain.js | false",
        "run -i 99999999999999999999999 plain.js | false",
        "run -i 1 -d 10s plain.js | false",
        "run --vus 2 plain.js | false",
        "run plain.js -u 2 | false",
        "run --stage 5s:10 plain.js | false",
        "run -c config.json plain.js | false",
        "run missing.js | false",
        "run folder.js | false",
        "run - | false",
        "run archive.tar | false"})
    void aSmokeTestRunsWithC1Only(String args, boolean c1Only) throws Exception {
        // k6 runs a script without options, or a handful of iterations, as a smoke test: C1 starts it quicker
        Files.writeString(dir.resolve("plain.js"), "import http from 'k6/http';\nexport default function () {}\n");
        Files.writeString(dir.resolve("options.js"), "export const options = { vus: 50, duration: '1h' };\n"
                + "export default function () {}\n");
        Files.writeString(dir.resolve("reexport.js"), "export * from './options.js';\n");
        Files.createDirectories(dir.resolve("folder.js"));
        String flags = commandOptions("", args);
        // the flags and nothing else (stderr is in the output too): no complaint about a folder
        assertThat(flags).startsWith("-Xms32m -XX:+UseParallelGC");
        assertThat(flags.endsWith(" -XX:TieredStopAtLevel=1")).as(flags).isEqualTo(c1Only);
    }

    @ParameterizedTest(name = "{0}: C1 only {1}")
    @CsvSource(delimiter = '|', value = {
        "K6_ITERATIONS=3 | true",
        "K6_ITERATIONS=30 | false",
        "K6_VUS=10 | false",
        "K6_DURATION=1m | false",
        "K6_STAGES=5s:10 | false",
        "K6_CONFIG=k6.json | false"})
    void theK6VariablesCountAsTheirFlags(String variable, boolean c1Only) throws Exception {
        Files.writeString(dir.resolve("plain.js"), "export default function () {}\n");
        String flags = commandOptions(variable, "run plain.js");
        assertThat(flags.endsWith(" -XX:TieredStopAtLevel=1")).as(flags).isEqualTo(c1Only);
    }

    /** weft_command_options ARGS in the test's folder, with only the given K6_ variable (or none) set. */
    private String commandOptions(String variable, String args) throws Exception {
        return bash("unset K6_VUS K6_DURATION K6_ITERATIONS K6_STAGES K6_CONFIG; cd '" + dir + "' && " + variable
                + " WEFT_JAVA_OPTS='' weft_command_options " + args);
    }

    /** A repository folder as a build leaves it: the CLI jar, a dependency jar, the build stamp. */
    private Path builtRepo() throws Exception {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve("cli/target/lib"));
        Files.createDirectories(repo.resolve("cli/target/aot"));
        long past = System.currentTimeMillis() - 120_000;
        for (Path f : List.of(repo.resolve("cli/target/weft-cli-0.1.0.jar"), repo.resolve("cli/target/lib/a-1.jar"),
                repo.resolve("cli/target/lib/.built"))) {
            Files.createFile(f);
            Files.setLastModifiedTime(f, FileTime.fromMillis(past));
        }
        return repo;
    }
}
