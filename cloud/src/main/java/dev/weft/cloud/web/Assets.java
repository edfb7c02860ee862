package dev.weft.cloud.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Static files from the classpath: the app's own ({@code dev/weft/cloud/web/}) and uPlot from its
 * WebJar, whose version is read from the WebJar's Maven metadata so no page names it. Used by
 * {@link WebRoutes} for {@code /static/} and by the exported report to inline them. Caches
 * bytes; thread-safe.
 */
public final class Assets {
    /** A file's type and bytes. */
    public record Asset(String contentType, byte[] bytes) { }

    private static final String JS = "text/javascript; charset=utf-8";
    private static final String CSS = "text/css; charset=utf-8";
    private static final Map<String, String> OWN = Map.of(
            "/static/app.css", CSS,
            "/static/weft.js", JS,
            "/static/home.js", JS,
            "/static/test.js", JS,
            "/static/compare.js", JS,
            "/static/run.js", JS,
            "/static/run-tabs.js", JS);

    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    /** The asset at a request path, or null. */
    public Asset find(String path) throws IOException {
        Asset cached = cache.get(path);
        if (cached != null) {
            return cached;
        }
        Asset asset = null;
        if (OWN.containsKey(path)) {
            asset = load("dev/weft/cloud/web/" + path.substring("/static/".length()), OWN.get(path));
        } else if (path.equals("/static/uplot.js")) {
            asset = load(uPlotDir() + "/dist/uPlot.iife.min.js", JS);
        } else if (path.equals("/static/uplot.css")) {
            asset = load(uPlotDir() + "/dist/uPlot.min.css", CSS);
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

    private static String uPlotDir() throws IOException {
        String meta = "META-INF/maven/org.webjars.npm/uplot/pom.properties";
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(meta)) {
            if (in == null) {
                throw new IOException("the uPlot WebJar (org.webjars.npm:uplot) is not on the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return "META-INF/resources/webjars/uplot/" + p.getProperty("version");
        }
    }
}
