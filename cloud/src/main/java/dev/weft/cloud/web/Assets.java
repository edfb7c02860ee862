package dev.weft.cloud.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Static files from the classpath: the app's own ({@code dev/weft/cloud/web/}) and Chart.js
 * from its WebJar, whose version is read from the WebJar's Maven metadata so the page never
 * names it. Caches bytes; thread-safe.
 */
final class Assets {
    record Asset(String contentType, byte[] bytes) { }

    private static final Map<String, String> OWN = Map.of(
            "/static/app.css", "text/css; charset=utf-8",
            "/static/runs.js", "text/javascript; charset=utf-8",
            "/static/run.js", "text/javascript; charset=utf-8");

    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    /** The asset at a request path, or null. */
    Asset find(String path) throws IOException {
        Asset cached = cache.get(path);
        if (cached != null) {
            return cached;
        }
        Asset asset = null;
        if (OWN.containsKey(path)) {
            asset = load("dev/weft/cloud/web/" + path.substring("/static/".length()), OWN.get(path));
        } else if (path.equals("/static/chart.js")) {
            asset = load("META-INF/resources/webjars/chart.js/" + chartJsVersion() + "/dist/chart.umd.js",
                    "text/javascript; charset=utf-8");
        }
        if (asset != null) {
            cache.put(path, asset);
        }
        return asset;
    }

    private static Asset load(String resource, String contentType) throws IOException {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new Asset(contentType, in.readAllBytes());
        }
    }

    private static String chartJsVersion() throws IOException {
        String meta = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(meta)) {
            if (in == null) {
                throw new IOException("the Chart.js WebJar is not on the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        }
    }
}
