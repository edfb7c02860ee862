package dev.weft.js.loader;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CommonJS files as k6 runs them: a file with no {@code import}/{@code export} statements that
 * uses {@code module.exports}, {@code exports.x} or {@code require()} is CommonJS. Such a file,
 * when imported as a module (or run as the main script), is served as a small ES module that
 * loads it through the VU's {@code require} (one instance per VU, shared with {@code require()})
 * and re-exports {@code module.exports} as the default export and each {@code exports.NAME} by
 * name. Stateless; called on the loading thread.
 */
public final class CommonJs {
    private static final Pattern ESM = Pattern.compile("(?m)^[ \\t]*(import[ \\t]*[\\w{*'\"]|export[ \\t{*])");
    private static final Pattern CJS = Pattern.compile("\\bmodule\\.exports\\b|\\bexports\\.[A-Za-z_$]|\\brequire\\s*\\(");
    private static final Pattern NAMED = Pattern.compile("(?m)^[ \\t]*(?:module\\.)?exports\\.([A-Za-z_$][\\w$]*)\\s*=");

    private CommonJs() {
    }

    public static boolean isCommonJs(String text) {
        return !ESM.matcher(text).find() && CJS.matcher(text).find();
    }

    /** The ES module that stands for the CommonJS file at {@code abs}. */
    public static String esmWrapper(Path abs, String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = NAMED.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        StringBuilder b = new StringBuilder("const __cjs = globalThis.__weftModule('weft:commonjs').__load(")
                .append(quote(abs.toAbsolutePath().normalize().toString())).append(");\n");
        b.append(names.contains("default") ? "export default __cjs.default;\n" : "export default __cjs;\n");
        for (String name : names) {
            if (!name.equals("default")) {
                b.append("export const ").append(name).append(" = __cjs.").append(name).append(";\n");
            }
        }
        return b.toString();
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
