package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command-line behaviour k6 v1.3.0 has and scripts rely on, each through a real script run. */
class K6ParityFlagsTest {
    @TempDir
    Path dir;

    private record Run(int code, String stdout, String stderr) {
    }

    private Run weft(String... args) throws Exception {
        FakeGlobalEnv g = new FakeGlobalEnv(dir, Map.of("HOME", dir.toString()));
        int code = new Cli(g.env).run(new ArrayList<>(List.of(args)));
        return new Run(code, g.stdout(), g.stderr());
    }

    @Test
    void a_comma_separated_stage_flag_is_several_stages_as_k6s_flag_parser_splits_it() throws Exception {
        Files.writeString(dir.resolve("s.js"), "import { sleep } from 'k6';\n"
                + "export default function () { sleep(0.05); }\n");
        Run inspect = weft("inspect", "--stage", "4s:5,4s:0", "s.js");
        assertThat(inspect.code()).as(inspect.stderr()).isZero();
        JsonArray stages = JsonParser.parseString(inspect.stdout()).getAsJsonObject().getAsJsonArray("stages");
        assertThat(stages).hasSize(2);
        assertThat(stages.get(0).getAsJsonObject().get("target").getAsInt()).isEqualTo(5);
        assertThat(stages.get(1).getAsJsonObject().get("duration").getAsString()).isEqualTo("4s");

        Path export = dir.resolve("export.json");
        Run run = weft("run", "-q", "--address", "", "--stage", "300ms:2, 300ms:0", "--summary-export",
                export.toString(), "s.js");
        assertThat(run.code()).as(run.stderr()).isZero();
        JsonObject metrics = JsonParser.parseString(Files.readString(export)).getAsJsonObject()
                .getAsJsonObject("metrics");
        assertThat(metrics.getAsJsonObject("vus_max").get("max").getAsInt()).isEqualTo(2);
    }

    @Test
    void repeated_env_tag_and_out_flags_each_count_and_a_repeated_plain_flag_takes_its_last_value() throws Exception {
        Files.writeString(dir.resolve("s.js"), """
                export const options = { iterations: 1 };
                export default function () { console.info(`A=${__ENV.A} B=${__ENV.B}`); }
                """);
        Path first = dir.resolve("first.json");
        Path last = dir.resolve("last.json");
        Run run = weft("run", "-q", "--address", "", "-e", "A=1", "--env", "B=2", "--tag", "t1=x", "--tag", "t2=y",
                "--out", "json=a.json", "-o", "json=b.json", "--summary-export", first.toString(),
                "--summary-export", last.toString(), "s.js");

        assertThat(run.code()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("A=1 B=2");
        for (String out : List.of("a.json", "b.json")) {
            assertThat(Files.readString(dir.resolve(out))).as(out).contains("\"t1\":\"x\"").contains("\"t2\":\"y\"");
        }
        assertThat(last).exists();
        assertThat(first).doesNotExist();
    }

    @Test
    void console_debug_prints_only_with_verbose_before_or_after_the_command() throws Exception {
        Files.writeString(dir.resolve("s.js"), """
                export const options = { iterations: 1 };
                export default function () { console.debug('a debug line'); console.info('an info line'); }
                """);
        Run quiet = weft("run", "-q", "--address", "", "s.js");
        assertThat(quiet.stderr()).contains("an info line").doesNotContain("a debug line");
        Run verbose = weft("run", "-q", "-v", "--address", "", "s.js");
        assertThat(verbose.stderr()).contains("DEBU").contains("a debug line");
        Run global = weft("--verbose", "run", "-q", "--address", "", "s.js");
        assertThat(global.code()).isZero();
        assertThat(global.stderr()).contains("a debug line");
    }

    @Test
    void a_logged_error_prints_as_k6_prints_it_without_a_stack() throws Exception {
        Files.writeString(dir.resolve("s.js"), """
                import encoding from 'k6/encoding';
                export const options = { iterations: 1 };
                export default function () {
                  console.log(new Error('boom'));
                  console.error('prefix', new TypeError('bad type'));
                  try { encoding.b64decode('!!!', 'std'); } catch (e) { console.log(e); }
                }
                """);
        Run run = weft("run", "-q", "--address", "", "--log-format", "raw", "s.js");
        assertThat(run.stderr()).contains("Error: boom\n").contains("prefix TypeError: bad type\n")
                .contains("GoError: ").doesNotContain("    at ").doesNotContain("java.lang.");
    }

    @Test
    void an_explicit_address_on_a_busy_port_ends_the_run_with_106() throws Exception {
        Files.writeString(dir.resolve("s.js"), "export default function () {}\n");
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run run = weft("run", "-q", "--address", "127.0.0.1:" + busy.getLocalPort(), "s.js");
            assertThat(run.code()).isEqualTo(106);
            assertThat(run.stderr()).contains("control API not started on 127.0.0.1:" + busy.getLocalPort());
        }
    }

    @Test
    void secrets_come_from_file_and_env_sources_and_are_redacted_from_every_log_line() throws Exception {
        Files.writeString(dir.resolve("file.secret"), "cool=hunter2\nelse=swordfish\n");
        Files.writeString(dir.resolve("s.js"), """
                import secrets from 'k6/secrets';
                import { check } from 'k6';
                export const options = { iterations: 1 };
                export default async function () {
                  const cool = await secrets.get('cool');
                  const other = await secrets.source('vault').get('token');
                  console.log('read ' + cool + ' and ' + other);
                  let missing = '';
                  try { await secrets.get('nothing'); } catch (e) { missing = e.message; }
                  check(null, { 'values as stored': () => cool === 'hunter2' && other === 'env-value',
                    'a missing key rejects': () => missing === 'no value' });
                }
                """);
        FakeGlobalEnv g = new FakeGlobalEnv(dir, Map.of("HOME", dir.toString(), "VAULT_token", "env-value"));
        int code = new Cli(g.env).run(List.of("run", "-q", "--address", "", "--summary-export", "e.json",
                "--secret-source", "file=file.secret,default", "--secret-source=env=name=vault,prefix=VAULT_", "s.js"));
        assertThat(code).as(g.stderr()).isZero();
        assertThat(g.stderr()).contains("read ***SECRET_REDACTED*** and ***SECRET_REDACTED***")
                .doesNotContain("hunter2").doesNotContain("env-value");
        JsonObject checks = JsonParser.parseString(Files.readString(dir.resolve("e.json"))).getAsJsonObject()
                .getAsJsonObject("metrics").getAsJsonObject("checks");
        assertThat(checks.get("passes").getAsInt()).isEqualTo(2);

        Run bad = weft("run", "-q", "--address", "", "--secret-source", "vault=x", "s.js");
        assertThat(bad.code()).isEqualTo(255);
        assertThat(bad.stderr()).contains("no secret source for type \"vault\"");
    }

    @Test
    void repeated_env_and_out_flags_all_apply_as_cobra_takes_them() throws Exception {
        Files.writeString(dir.resolve("env.js"), "import exec from 'k6/execution';\n"
                + "export default function () { if (__ENV.A !== '1' || __ENV.B !== '2') exec.test.abort('env'); }\n");
        Run run = weft("run", "-q", "--address", "", "-i", "1", "-e", "A=1", "-e", "B=2",
                "-o", "json=" + dir.resolve("a.json"), "-o", "json=" + dir.resolve("b.json"), "env.js");

        assertThat(run.code()).as(run.stderr()).isZero();
        assertThat(dir.resolve("a.json")).exists();
        assertThat(dir.resolve("b.json")).exists();
    }
}
