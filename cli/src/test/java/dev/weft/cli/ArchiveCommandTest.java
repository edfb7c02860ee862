package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveCommandTest {
    @TempDir
    Path dir;
    @TempDir
    Path elsewhere;

    private int run(FakeGlobalEnv g, String... args) throws InterruptedException {
        return new Cli(g.env).run(List.of(args));
    }

    @Test
    void an_archive_carries_the_script_its_modules_and_opened_files_and_runs_elsewhere() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.createDirectories(project.resolve("lib"));
        Files.writeString(project.resolve("lib/names.js"), "export const greeting = 'hello';\n");
        Files.writeString(project.resolve("users.csv"), "ada\ngrace\n");
        Files.writeString(project.resolve("test.js"), """
                import { greeting } from './lib/names.js';
                const users = open('./users.csv').trim().split('\\n');
                export const options = { iterations: 2 };
                export default function () { console.log(`${greeting} ${users[__ITER]} ${__ENV.WHO}`); }
                """);
        FakeGlobalEnv a = new FakeGlobalEnv(project, Map.of());
        assertThat(run(a, "archive", "-e", "WHO=archived", "-O", "t.tar", "test.js")).as(a.stderr()).isZero();
        Path tar = project.resolve("t.tar");
        String listing = listing(tar);
        assertThat(listing).contains("metadata.json").contains("data").contains("lib/names.js").contains("users.csv");

        Path moved = elsewhere.resolve("moved.tar");
        Files.move(tar, moved);
        deleteTree(project);
        FakeGlobalEnv r = new FakeGlobalEnv(elsewhere, Map.of());
        assertThat(run(r, "run", "-q", "--address", "", "moved.tar")).as(r.stderr()).isZero();
        assertThat(r.stderr()).contains("hello ada archived").contains("hello grace archived");
        assertThat(r.stdout()).containsPattern("iterations\\.+: 2 ");
    }

    @Test
    void remote_modules_travel_in_the_archive_and_need_no_network_when_it_runs() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/utils/1.0/index.js", ex -> {
            byte[] b = "export const answer = 42;".getBytes();
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/utils/1.0/index.js";
        Files.writeString(dir.resolve("s.js"), "import { answer } from '" + url + "';\n"
                + "export const options = { iterations: 1 };\n"
                + "export default function () { console.log('answer ' + answer); }\n");
        FakeGlobalEnv a = new FakeGlobalEnv(dir, Map.of("XDG_CACHE_HOME", dir.resolve("cache-a").toString()));
        try {
            assertThat(run(a, "archive", "s.js")).as(a.stderr()).isZero();
        } finally {
            server.stop(0);
        }
        assertThat(listing(dir.resolve("archive.tar"))).contains("https/127.0.0.1:" + server.getAddress().getPort()
                + "/utils/1.0/index.js");
        FakeGlobalEnv r = new FakeGlobalEnv(elsewhere, Map.of("XDG_CACHE_HOME", elsewhere.resolve("empty").toString()));
        assertThat(run(r, "run", "-q", "--address", "", dir.resolve("archive.tar").toString())).as(r.stderr()).isZero();
        assertThat(r.stderr()).contains("answer 42");
    }

    @Test
    void an_archive_lists_in_k6s_layout() throws Exception {
        Files.writeString(dir.resolve("s.js"), "export default function () {}\n");
        FakeGlobalEnv a = new FakeGlobalEnv(dir, Map.of());
        assertThat(run(a, "archive", "s.js")).as(a.stderr()).isZero();
        String metadata = new String(tarMember(dir.resolve("archive.tar"), "metadata.json"));
        assertThat(metadata).contains("\"type\": \"js\"").contains("\"filename\": \"file://")
                .contains("\"compatibilityMode\": \"extended\"");
    }

    private static String listing(Path tar) throws Exception {
        Process p = new ProcessBuilder("tar", "tf", tar.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    private static byte[] tarMember(Path tar, String name) throws Exception {
        Process p = new ProcessBuilder("tar", "xOf", tar.toString(), name).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertThat(p.waitFor()).isZero();
        return out.toByteArray();
    }

    private static void deleteTree(Path d) throws Exception {
        try (var s = Files.walk(d)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        }
    }
}
