package dev.weft.js.loader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How a test's code is loaded. Built once by the CLI (or tests) and passed to {@code
 * JsProgram.load}.
 *
 * @param moduleCache   directory of remote modules fetched earlier, one file per URL
 * @param mode          k6's compatibility mode
 * @param bundledRemote an unpacked archive (its {@code https/} tree is searched before the cache); null when
 *                      not running an archive
 * @param fetchTimeout  how long one remote module fetch may take
 */
public record LoaderOptions(Path moduleCache, CompatibilityMode mode, Path bundledRemote, Duration fetchTimeout) {

    /** Defaults from the process environment: the cache under $XDG_CACHE_HOME or ~/.cache. */
    public static LoaderOptions defaults(Map<String, String> env) {
        return new LoaderOptions(defaultCache(env), CompatibilityMode.EXTENDED, null, Duration.ofSeconds(30));
    }

    /** {@code $XDG_CACHE_HOME/weft/modules}, else {@code ~/.cache/weft/modules}. */
    public static Path defaultCache(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".cache");
        return base.resolve("weft").resolve("modules");
    }

    public LoaderOptions withMode(CompatibilityMode m) {
        return new LoaderOptions(moduleCache, m, bundledRemote, fetchTimeout);
    }

    public LoaderOptions withBundledRemote(Path dir) {
        return new LoaderOptions(moduleCache, mode, dir, fetchTimeout);
    }
}
