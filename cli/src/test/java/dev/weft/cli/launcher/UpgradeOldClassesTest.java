package dev.weft.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * cli/src/launcher/UpgradeOldClasses.java, run as the launcher runs it, on the real picocli jar:
 * the copy has the same entries, no class file older than version 50, and every class of it
 * passes the JVM's verifier in a JVM of its own.
 */
class UpgradeOldClassesTest {
    @TempDir
    Path dir;

    @Test
    void picocliComesOutAsVersion52ClassesThatAllVerify() throws Exception {
        assumeTrue(Runtime.version().feature() >= 24, "java.lang.classfile needs JDK 24+");
        Path program = Path.of(System.getProperty("user.dir")).resolve("src/launcher/UpgradeOldClasses.java");
        assumeTrue(Files.isRegularFile(program), "UpgradeOldClasses.java not found from " + System.getProperty("user.dir"));
        Path original = Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path upgraded = dir.resolve("picocli.jar");

        run(List.of(java(), program.toString(), original.toString(), upgraded.toString()));

        Map<String, Integer> before = classVersions(original);
        Map<String, Integer> after = classVersions(upgraded);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        assertThat(Collections.min(before.values())).isLessThan(50);
        assertThat(after.values()).allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(50));
        String loaded = run(List.of(java(), "-Xshare:off", "-cp", upgraded + ":" + System.getProperty("java.class.path"),
                VerifyAll.class.getName(), upgraded.toString()));
        assertThat(loaded).isEqualTo("initialised " + after.size() + " classes, 0 verify errors");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().reduce((a, b) -> b).orElse("");
    }

    /** Class entry name to its class file major version (META-INF's versioned classes left out). */
    private static Map<String, Integer> classVersions(Path jar) throws IOException {
        Map<String, Integer> versions = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
                    try (InputStream in = zip.getInputStream(e)) {
                        DataInputStream data = new DataInputStream(in);
                        data.readInt();
                        data.readUnsignedShort();
                        versions.put(e.getName(), data.readUnsignedShort());
                    }
                }
            }
        }
        return versions;
    }

    /** Initialises (so links and verifies) every class of the jar named first; prints a count. */
    static final class VerifyAll {
        public static void main(String[] args) throws Exception {
            List<String> names = new ArrayList<>(classVersions(Path.of(args[0])).keySet());
            int errors = 0;
            for (String name : names) {
                try {
                    Class.forName(name.replace('/', '.').replace(".class", ""), true, VerifyAll.class.getClassLoader());
                } catch (VerifyError | ClassFormatError e) {
                    System.out.println(name + ": " + e);
                    errors++;
                }
            }
            System.out.println("initialised " + names.size() + " classes, " + errors + " verify errors");
        }
    }
}
