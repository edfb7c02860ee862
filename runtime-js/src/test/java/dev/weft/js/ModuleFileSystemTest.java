package dev.weft.js;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.js.loader.LoaderOptions;
import dev.weft.js.loader.RemoteModules;
import dev.weft.js.module.BuiltinModules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.graalvm.polyglot.io.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a VU's module file system tells GraalJS about imports, so it asks no file type detector. */
class ModuleFileSystemTest {
    @TempDir
    Path dir;

    @Test
    void importsAreEsModulesInUtf8ButJsonAndWasmAreLeftToGraalJs() {
        ModuleFileSystem fs = new ModuleFileSystem(FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem()),
                BuiltinModules.create(), new ScriptFiles(dir), () -> null, new RemoteModules(LoaderOptions.defaults(Map.of())));
        for (String spec : new String[] {"k6/http", "./lib.js", "./lib.mjs", "./types.ts", "./noext",
                "https://jslib.k6.io/k6-utils/1.4.0/index.js"}) {
            assertThat(fs.getMimeType(fs.parsePath(spec))).as(spec).isEqualTo("application/javascript+module");
            assertThat(fs.getEncoding(fs.parsePath(spec))).as(spec).isEqualTo(StandardCharsets.UTF_8);
        }
        assertThat(fs.getMimeType(fs.parsePath("./data.json"))).isNull();
        assertThat(fs.getMimeType(fs.parsePath("./add.wasm"))).isNull();
    }
}
