package dev.weft.js.loader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * Weft's own stand-ins for jslib modules that scripts import by URL and that Weft can serve
 * without the network: {@code https://jslib.k6.io/k6-summary/<version>/index.js} (textSummary
 * through the core summary renderer, jUnit). Stateless; resources are read on each call, which
 * happens once per test per URL (the caller caches).
 */
final class JslibShims {
    private static final Pattern K6_SUMMARY = Pattern.compile("https://jslib\\.k6\\.io/k6-summary/[^/]+/index\\.js");

    /** The stand-in's source, or null when Weft has none for this URL. */
    byte[] source(String url) {
        if (K6_SUMMARY.matcher(url).matches()) {
            return resource("k6-summary.js");
        }
        return null;
    }

    private static byte[] resource(String name) {
        try (InputStream in = JslibShims.class.getResourceAsStream("/dev/weft/js/loader/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
