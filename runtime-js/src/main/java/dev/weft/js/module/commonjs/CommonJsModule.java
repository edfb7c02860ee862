package dev.weft.js.module.commonjs;

import dev.weft.js.loader.TypeStripper;
import dev.weft.js.module.HostObject;
import dev.weft.js.module.JsModule;
import dev.weft.js.module.VuScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.graalvm.polyglot.Source;

/**
 * {@code require()} for CommonJS, as k6 has it: built-in modules by name, and files relative to
 * the requiring file, each run once per VU inside {@code function (exports, require, module,
 * __filename, __dirname)}. The prelude installs the global {@code require}; ES modules that
 * stand for CommonJS files (see {@link dev.weft.js.loader.CommonJs}) load through the same
 * per-VU cache. Scripts don't import this module by name. One instance per test; calls run on
 * the VU's thread.
 */
public final class CommonJsModule implements JsModule {
    public static final String NAME = "weft:commonjs";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> exportNames() {
        return List.of();
    }

    @Override
    public Object instance(VuScope vu) {
        HostObject host = new HostObject()
                .value("scriptDir", vu.services().scriptDir().toAbsolutePath().normalize().toString())
                .fn("resolve", args -> resolve(args[0].asString(), args[1].asString()))
                .fn("dirname", args -> {
                    Path parent = Path.of(args[0].asString()).getParent();
                    return parent == null ? "/" : parent.toString();
                })
                .fn("compile", args -> compile(vu, args[0].asString()));
        return vu.scripts().instantiate(vu, "commonjs.js", host.build());
    }

    /** {@code spec} relative to {@code fromDir}, exactly as written (k6 adds no ".js" either). */
    private static String resolve(String spec, String fromDir) {
        Path p = Path.of(fromDir).resolve(spec).normalize();
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("require(\"" + spec + "\"): no such file " + p);
        }
        return p.toString();
    }

    /** The file as a function of (exports, require, module, __filename, __dirname), its lines in place. */
    private static Object compile(VuScope vu, String file) {
        String text;
        try {
            text = Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("require: can't read " + file + ": " + e.getMessage());
        }
        if (TypeStripper.isTypeScript(file)) {
            text = TypeStripper.strip(text);
        }
        String wrapped = "(function (exports, require, module, __filename, __dirname) {" + text + "\n})";
        return vu.context().eval(Source.newBuilder("js", wrapped, file).buildLiteral());
    }
}
