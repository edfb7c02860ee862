package dev.weft.js.loader;

import java.net.URI;
import java.nio.file.Path;

/**
 * Maps remote module URLs to paths of the VU's module file system and back:
 * {@code https://jslib.k6.io/a/b.js} is {@code /__weft_remote__/https/jslib.k6.io/a/b.js}, so
 * GraalJS resolves relative imports inside a remote module ({@code ./c.js}) against its URL
 * like any path. Stateless.
 */
public final class RemotePath {
    public static final Path ROOT = Path.of("/__weft_remote__");

    private RemotePath() {
    }

    /** True for specifiers GraalJS should fetch rather than read: http and https URLs. */
    public static boolean isRemote(String specifier) {
        return specifier.startsWith("https://") || specifier.startsWith("http://");
    }

    public static Path toPath(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        return ROOT.resolve(url.getScheme()).resolve(url.getRawAuthority() + path + query).normalize();
    }

    public static boolean isRemote(Path path) {
        return path.startsWith(ROOT);
    }

    /** The URL a remote path stands for. */
    public static URI toUrl(Path path) {
        Path rel = ROOT.relativize(path);
        String scheme = rel.getName(0).toString();
        String rest = rel.subpath(1, rel.getNameCount()).toString().replace('\\', '/');
        return URI.create(scheme + "://" + rest);
    }

    /** The text to show for a path in messages: the URL for remote modules, else the path. */
    public static String display(String path) {
        if (path != null && path.startsWith(ROOT.toString() + "/")) {
            return toUrl(Path.of(path)).toString();
        }
        return path;
    }
}
