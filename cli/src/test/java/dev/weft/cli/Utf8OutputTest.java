package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real weft process under the C locale (minimal containers, many CI runners) still writes UTF-8. */
class Utf8OutputTest {
    @TempDir
    Path dir;

    @Test
    void the_summary_and_log_lines_are_utf8_under_lang_c() throws Exception {
        Files.writeString(dir.resolve("s.js"), """
                import { check } from 'k6';
                export const options = { iterations: 1, thresholds: { checks: ['rate>0.5'] } };
                export default function () {
                  console.log('héllo ✓');
                  check(1, { 'one is one ✓': (x) => x === 1 });
                }
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "--sun-misc-unsafe-memory-access=allow",
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-cp", System.getProperty("java.class.path"),
                Weft.class.getName(), "run", "s.js"));
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_"));
        pb.environment().put("LANG", "C");
        pb.environment().put("LC_ALL", "C");
        pb.directory(dir.toFile());
        pb.redirectOutput(dir.resolve("out.txt").toFile());
        pb.redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(out).contains("█ THRESHOLDS").contains("✓ 'rate>0.5'").contains("✓ one is one ✓")
                .doesNotContain("?");
        assertThat(err).contains("héllo ✓");
    }
}
