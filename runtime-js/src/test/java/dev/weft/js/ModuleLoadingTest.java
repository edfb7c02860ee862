package dev.weft.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import dev.weft.js.loader.CompatibilityMode;
import dev.weft.js.loader.LoaderOptions;
import dev.weft.js.module.BuiltinModules;
import dev.weft.js.module.ScriptConsole;
import dev.weft.js.module.TestServices;
import dev.weft.metrics.MetricRegistry;
import dev.weft.metrics.SampleSink;
import dev.weft.metrics.Tags;
import dev.weft.options.TestOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Module loading through real GraalJS contexts: remote imports and their cache, jslib stand-ins, TypeScript. */
class ModuleLoadingTest {
    @TempDir
    Path dir;
    @TempDir
    Path cache;

    final ConcurrentLinkedQueue<String> logs = new ConcurrentLinkedQueue<>();

    private LoaderOptions loader() {
        return new LoaderOptions(cache, CompatibilityMode.EXTENDED, null, Duration.ofSeconds(5));
    }

    private String write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
        return name;
    }

    /** Runs the script's init code once, as `weft run` does to read options. */
    private ScriptInfo init(String script, LoaderOptions loader) throws ScriptException {
        try (JsProgram program = JsProgram.load(dir.resolve(script), BuiltinModules.create(), loader)) {
            return init(program);
        }
    }

    private ScriptInfo init(JsProgram program) throws ScriptException {
        ScriptConsole console = (level, text) -> logs.add(level + ": " + text);
        TestServices services = new TestServices(Map.of(), TestOptions.of(new JsonObject()),
                MetricRegistry.withBuiltins(), SampleSink.DISCARD, null, Clock.systemUTC(), Tags.EMPTY, dir, console);
        return ScriptInfo.read(program, services);
    }

    private static String inlineMap(String json) {
        return "//# sourceMappingURL=data:application/json;base64,"
                + java.util.Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpServer serve(String path, String body, AtomicInteger hits) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            hits.incrementAndGet();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            int status = ex.getRequestURI().getPath().equals(path) ? 200 : 404;
            ex.sendResponseHeaders(status, status == 200 ? bytes.length : -1);
            if (status == 200) {
                ex.getResponseBody().write(bytes);
            }
            ex.close();
        });
        server.start();
        return server;
    }

    @Test
    void a_remote_module_is_fetched_once_then_served_from_the_disk_cache_when_offline() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = serve("/lib/1.0/index.js", "export function twice(x) { return 2 * x; }\n", hits);
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/lib/1.0/index.js";
        write("s.js", "import { twice } from '" + url + "';\nconsole.log('got ' + twice(21));\n"
                + "export default function () {}\n");
        try {
            init("s.js", loader());
        } finally {
            server.stop(0);
        }
        assertThat(hits.get()).isEqualTo(1);
        assertThat(logs).contains("info: got 42");
        logs.clear();
        init("s.js", loader());
        assertThat(logs).contains("info: got 42");
        assertThat(Files.list(cache)).hasSize(1);
    }

    @Test
    void offline_without_a_cached_copy_is_a_one_line_error_naming_the_url() throws Exception {
        HttpServer server = serve("/x", "", new AtomicInteger());
        int port = server.getAddress().getPort();
        server.stop(0);
        String url = "http://127.0.0.1:" + port + "/gone/index.js";
        write("s.js", "import { x } from '" + url + "';\nexport default function () {}\n");
        assertThatThrownBy(() -> init("s.js", loader()))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("can't fetch " + url + ": ")
                .hasMessageContaining("; no cached copy")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void relative_imports_inside_a_remote_module_resolve_against_its_url() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            hits.incrementAndGet();
            String body = ex.getRequestURI().getPath().endsWith("main.js")
                    ? "export { helper } from './util.js';" : "export const helper = 'from util';";
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/pkg/";
            write("s.js", "import { helper } from '" + base + "main.js';\nconsole.log(helper);\n"
                    + "export default function () {}\n");
            init("s.js", loader());
        } finally {
            server.stop(0);
        }
        assertThat(logs).contains("info: from util");
        assertThat(hits.get()).isEqualTo(2);
    }

    @Test
    void k6_summary_from_jslib_works_offline_with_weft_s_renderer() throws Exception {
        write("s.js", """
                import { textSummary, jUnit } from 'https://jslib.k6.io/k6-summary/0.0.2/index.js';
                const data = { root_group: { name: '', path: '', groups: [], checks: [] }, options: {},
                  metrics: { iterations: { type: 'counter', contains: 'default', values: { count: 3, rate: 1.5 },
                    thresholds: { 'count>5': { ok: false } } } } };
                console.log(textSummary(data, { indent: ' ', enableColors: false }));
                console.log(jUnit(data));
                export default function () {}
                """);
        init("s.js", new LoaderOptions(cache, CompatibilityMode.EXTENDED, null, Duration.ofMillis(1)));
        assertThat(String.join("\n", logs)).contains("iterations").contains("3")
                .contains("<testcase name=\"iterations - count&gt;5\"><failure");
        assertThat(Files.exists(cache) ? Files.list(cache).count() : 0).isZero();
    }

    @Test
    void typescript_scripts_and_modules_run_with_types_stripped() throws Exception {
        write("util.ts", "export interface Item { id: number }\nexport function ids(xs: Item[]): number[] {\n"
                + "  return xs.map((x: Item) => x.id);\n}\n");
        write("s.ts", """
                import { ids, type Item } from './util.ts';
                type Options = { vus: number };
                export const options: Options = { vus: 2 };
                const items: Item[] = [{ id: 1 }, { id: 2 }];
                console.log(ids(items).join(',') as string);
                export default function (): void {}
                """);
        ScriptInfo info = init("s.ts", loader());
        assertThat(logs).contains("info: 1,2");
        assertThat(info.optionsJson()).isEqualTo("{\"vus\":2}");
        assertThat(info.exports("default")).isTrue();
    }

    @Test
    void a_typescript_error_points_at_the_original_line_and_column() throws Exception {
        write("s.ts", "const a: number = 1;\nfunction f(x: string): never {\n  throw new Error(x);\n}\nf('boom');\n"
                + "export default function () {}\n");
        assertThatThrownBy(() -> init("s.ts", loader()))
                .hasMessageContaining("s.ts:3:9")
                .hasMessageContaining("boom");
    }

    @Test
    void an_error_in_code_with_an_inline_source_map_names_the_original_place() throws Exception {
        write("bundle.js", "let a = 1;\n  throw new Error('mapped');\nexport default function () {}\n"
                + inlineMap("{\"version\":3,\"sources\":[\"src/test.ts\"],\"mappings\":\"AAAA;EAII\"}")
                + "\n");
        assertThatThrownBy(() -> init("bundle.js", loader()))
                .hasMessageContaining(dir.resolve("src/test.ts") + ":5:5")
                .hasMessageContaining("mapped");
    }

    @Test
    void extended_mode_aliases_global_and_base_mode_does_not() throws Exception {
        write("s.js", "console.log(typeof global);\nexport default function () {}\n");
        init("s.js", loader());
        init("s.js", loader().withMode(CompatibilityMode.BASE));
        assertThat(logs).containsExactly("info: object", "info: undefined");
    }

    @Test
    void the_program_lists_the_local_and_remote_files_it_loaded() throws Exception {
        write("lib.js", "export const v = 1;\n");
        write("s.js", "import { v } from './lib.js';\nexport default function () {}\n");
        try (JsProgram program = JsProgram.load(dir.resolve("s.js"), BuiltinModules.create(), loader())) {
            init(program);
            assertThat(program.localFilesRead()).containsOnlyKeys(dir.resolve("lib.js").toRealPath());
            assertThat(program.remoteModulesLoaded()).isEmpty();
        }
    }
}
